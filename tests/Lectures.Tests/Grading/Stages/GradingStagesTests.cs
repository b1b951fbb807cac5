using Lectures.Grading.Samples;
using Lectures.Grading.Scoring;
using Lectures.Grading.Stages;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace Lectures.Tests.Grading.Stages;

/// <summary>A test-only score stage: every test earns at most <paramref name="cap"/> points (its maximum stays).</summary>
sealed class CapEachTest(double cap) : IGradingStage
{
    public string Name => "cap-each-test";
    public GradingPhase Phase => GradingPhase.Score;

    public void Apply(SubmissionGrading grading)
    {
        for (var i = 0; i < grading.Rows.Count; i++)
            grading.Rows[i] = grading.Rows[i] with { Points = Math.Min(grading.Rows[i].Points, cap) };
    }
}

/// <summary>The synthetic assignment with a correct submission (6 of 6 points: tests of 2, 1 and 3) and one whose SumTo is wrong (2 of 6).</summary>
public sealed class StagesFixture
{
    public GradingScratch Scratch { get; } = new();
    public IReadOnlyList<Submission> Submissions { get; }

    public StagesFixture()
    {
        Scratch.Submit("correct", Scratch.Solved());
        Scratch.Submit("sum-wrong", Scratch.Solved(sumTo: "return n;"));
        Submissions = Lectures.Grading.Scoring.Submissions.Find(Scratch.Submissions, SyntheticAssignment.Name);
    }

    public IReadOnlyDictionary<string, StudentGrade> Grade(IReadOnlyList<IGradingStage> stages) =>
        Grader.Grade(Scratch.Assignment, Submissions, GradingLimits.Default, stages: stages).ToDictionary(g => g.Student);
}

public class GradingStagesTests(StagesFixture fixture) : IClassFixture<StagesFixture>
{
    static List<IGradingStage> With(IGradingStage stage, string after)
    {
        var stages = Grader.Stages.ToList();
        stages.Insert(stages.FindIndex(s => s.Name == after) + 1, stage);
        return stages;
    }

    [Fact]
    public void TheGraderIsTheseStagesInThisOrder()
    {
        Assert.Equal(
            [
                ("read", GradingPhase.Read), ("release", GradingPhase.Read),
                ("match-ids", GradingPhase.Plan), ("set-aside-manual", GradingPhase.Plan), ("dedupe", GradingPhase.Plan), ("detect-edits", GradingPhase.Plan), ("inject-hidden-tests", GradingPhase.Plan),
                ("allow-list", GradingPhase.Check), ("test-contract", GradingPhase.Check),
                ("compile", GradingPhase.Execute), ("sandbox", GradingPhase.Execute),
                ("score-tests", GradingPhase.Score), ("manual-scores", GradingPhase.Score), ("report-problems", GradingPhase.Score), ("note-unsandboxed", GradingPhase.Score),
            ],
            Grader.Stages.Select(s => (s.Name, s.Phase)));
    }

    [SkippableFact]
    public void AnInsertedStageThatCapsEachTestAtOnePointChangesTheScores()
    {
        Sandbox.SandboxRequirement.SkipWhenUnavailable();
        var plain = fixture.Grade(Grader.Stages);
        var capped = fixture.Grade(With(new CapEachTest(1), after: "report-problems"));

        Assert.Equal((6.0, 2.0), (plain["correct"].Points, plain["sum-wrong"].Points));
        // correct: min(2,1) + min(1,1) + min(3,1); sum-wrong: only test-square (2 points) passed.
        Assert.Equal((3.0, 1.0), (capped["correct"].Points, capped["sum-wrong"].Points));
        Assert.Equal(6.0, capped["correct"].MaxPoints);
        Assert.Equal("student,test,points,max,status\ncorrect,test-square,1,2,passed\ncorrect,test-sum,1,1,passed\ncorrect,hidden-sum,1,3,passed\n",
            GradeReport.Gradebook([capped["correct"]]));
    }

    [SkippableFact]
    public void WithoutTheStageThatInjectsHiddenTestsTheHiddenTestEarnsNothing()
    {
        Sandbox.SandboxRequirement.SkipWhenUnavailable();
        var grades = fixture.Grade(Grader.Stages.Where(s => s.Name != "inject-hidden-tests").ToList());

        Assert.Equal(6.0 - 3.0, grades["correct"].Points);
        Assert.Equal(GradeStatus.MissingCell, grades["correct"].Rows.Single(r => r.Test == "hidden-sum").Status);
    }

    [Fact]
    public void StagesOutOfPhaseOrderOrWithOneNameTwiceAreRefused()
    {
        var limits = GradingLimits.Default with { Unsandboxed = true };
        var early = Grader.Stages.Prepend(new CapEachTest(1)).ToList();
        var twice = Grader.Stages.Append(new CapEachTest(1)).Append(new CapEachTest(2)).ToList();

        var order = Assert.Throws<ArgumentException>(() => Grader.Grade(fixture.Scratch.Assignment, fixture.Submissions, limits, stages: early));
        Assert.StartsWith("The grading stage 'read' (Read) comes after 'cap-each-test' (Score)", order.Message);
        var name = Assert.Throws<ArgumentException>(() => Grader.Grade(fixture.Scratch.Assignment, fixture.Submissions, limits, stages: twice));
        Assert.StartsWith("Two grading stages are named 'cap-each-test'", name.Message);
    }

    [Fact]
    public void ACopiedTestRunsOnceAsTheTestAndThenAsTheStudentsOwnCode()
    {
        var copy = NotebookEdits.Insert(fixture.Scratch.Solved(), "free", "// my copy", gradeId: "test-square");

        var cells = Grader.Cells(fixture.Scratch.Assignment, Notebook.Parse(copy));

        Assert.Equal(
            [
                // cell1 is the introduction and cell2 the paragraph on what a submission may use (Markdown).
                ("cell3", true, "given"), ("cell4", false, null), ("cell5", true, "test-square"), ("cell6", false, null),
                ("cell7", true, "test-sum"), ("cell8", false, null), ("cell9", false, null), ("hidden:hidden-sum", true, "hidden-sum"),
            ],
            cells.Select(c => (c.Key, c.Trusted, c.GradeId)));
        Assert.Equal("// my copy", cells.Single(c => c.Key == "cell8").Source);
        Assert.All(cells.Where(c => c.Trusted), c => Assert.NotNull(c.Contract));
    }
}
