using Lectures.Grading.Manual;
using Lectures.Grading.Samples;
using Lectures.Grading.Scoring;
using Lectures.Grading.Stages;
using Lectures.Tests.Grading.Manual;

namespace Lectures.Tests.Grading.Stages;

/// <summary>
/// Manual cells in a graded submission: never run (a code answer that would be forbidden and does not compile
/// changes nothing), "ungraded" until scored (a provisional total, never a 0), then the instructor's points and comment.
/// </summary>
public sealed class ScoreManualFixture
{
    public ManualScratch Scratch { get; } = new();
    public IReadOnlyList<Submission> Submissions { get; }

    public ScoreManualFixture()
    {
        Scratch.Submit("ann", Scratch.Answered("Pair k with n + 1 - k.", "System.IO.File.Delete(\"/etc/hosts\"); this is not C#"));
        Scratch.Submit("bob", SyntheticAssignment.Solved(Scratch.FirstReleaseJson));
        Scratch.Submit("cy", "{\"cells\": [");
        Submissions = Lectures.Grading.Scoring.Submissions.Find(Scratch.Submissions, SyntheticAssignment.Name);
    }

    public IReadOnlyDictionary<string, StudentGrade> Grade(ManualScores scores) =>
        Grader.Grade(Scratch.Assignment, Submissions, GradingLimits.Default, stages: Grader.WithManualScores(scores)).ToDictionary(g => g.Student);
}

public class ScoreManualTests(ScoreManualFixture fixture) : IClassFixture<ScoreManualFixture>
{
    [Fact]
    public void AManualAnswerIsNeverRunAndIsUngradedNotZeroUntilScored()
    {
        var grades = fixture.Grade(ManualScores.None);
        var ann = grades["ann"];

        Assert.Equal(
        [
            ("test-square", 2.0, 2.0, GradeStatus.Passed), ("test-sum", 1.0, 1.0, GradeStatus.Passed), ("hidden-sum", 3.0, 3.0, GradeStatus.Passed),
            ("essay", 0.0, 2.0, GradeStatus.Ungraded), ("sketch", 0.0, 1.0, GradeStatus.Ungraded),
        ], ann.Rows.Select(r => (r.Test, r.Points, r.MaxPoints, r.Status)));
        Assert.Equal((6.0, ManualScratch.MaxPoints, true, 3.0), (ann.Points, ann.MaxPoints, ann.Provisional, ann.UngradedPoints));
        Assert.Equal(ScoreManual.UngradedMessage, ann.Rows[3].Message);

        Assert.Equal(
            "student,test,points,max,status\nann,test-square,2,2,passed\nann,test-sum,1,1,passed\nann,hidden-sum,3,3,passed\n"
            + "ann,essay,ungraded,2,ungraded\nann,sketch,ungraded,1,ungraded\n",
            GradeReport.Gradebook([ann]));
        var feedback = GradeReport.Feedback(SyntheticAssignment.Name, ann);
        Assert.Contains("**Score: 6 / 9 (provisional: answers worth 3 points are not graded by hand yet)**", feedback);
        Assert.Contains("| essay | ungraded / 2 | ungraded |\n| sketch | ungraded / 1 | ungraded |\n", feedback);
        Assert.DoesNotContain("did not pass", feedback);
    }

    [Fact]
    public void AnUnreadableNotebookHasNoAnswerToWaitFor()
    {
        var cy = fixture.Grade(ManualScores.None)["cy"];
        Assert.Equal(
            ["test-square", "test-sum", "hidden-sum", "essay", "sketch"], cy.Rows.Select(r => r.Test));
        Assert.All(cy.Rows, r => Assert.Equal((0.0, GradeStatus.InvalidNotebook), (r.Points, r.Status)));
        Assert.Equal((0.0, ManualScratch.MaxPoints, false), (cy.Points, cy.MaxPoints, cy.Provisional));
    }

    [Fact]
    public void ASubmissionOfAReleaseWithoutManualCellsHasNoManualRows()
    {
        var bob = fixture.Grade(ManualScores.None)["bob"];
        Assert.Equal((SyntheticAssignment.MaxPoints, SyntheticAssignment.MaxPoints, false), (bob.Points, bob.MaxPoints, bob.Provisional));
        Assert.Equal(["test-square", "test-sum", "hidden-sum"], bob.Rows.Select(r => r.Test));
    }

    [Fact]
    public void TheInstructorsScoresAndCommentsAreMergedIntoTheGradebookAndTheFeedback()
    {
        var path = fixture.Scratch.Write("scores.csv",
            "student,question,points,comment\nann,essay,1.5,\"Right pairing; say why each pair sums to n + 1.\"\nann,sketch,1,\n");
        var ann = fixture.Grade(ManualScores.Read(path, fixture.Scratch.Assignment, fixture.Submissions))["ann"];

        Assert.Equal((8.5, false), (ann.Points, ann.Provisional));
        Assert.Equal(("essay", 1.5, 2.0, GradeStatus.GradedByHand, "Right pairing; say why each pair sums to n + 1."),
            (ann.Rows[3].Test, ann.Rows[3].Points, ann.Rows[3].MaxPoints, ann.Rows[3].Status, ann.Rows[3].Message));
        Assert.EndsWith("ann,essay,1.5,2,graded-by-hand\nann,sketch,1,1,graded-by-hand\n", GradeReport.Gradebook([ann]));
        var feedback = GradeReport.Feedback(SyntheticAssignment.Name, ann);
        Assert.Contains("**Score: 8.5 / 9**", feedback);
        Assert.Contains("| essay | 1.5 / 2 | graded-by-hand |", feedback);
        Assert.Contains("## Comments on your written answers\n\n### essay (1.5 / 2)\n\nRight pairing; say why each pair sums to n + 1.\n", feedback);
        Assert.DoesNotContain("### sketch", feedback);   // no comment, no section
    }
}
