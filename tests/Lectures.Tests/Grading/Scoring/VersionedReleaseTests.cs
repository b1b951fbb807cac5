using Lectures.Grading.Format;
using Lectures.Grading.Scoring;
using Lectures.Grading.Release;
using Lectures.Grading.Samples;
using static Lectures.Grading.Samples.SyntheticAssignment;

namespace Lectures.Tests.Grading.Scoring;

/// <summary>A visible test changed after the first release: copies of either release grade against their own release.</summary>
public class VersionedReleaseTests
{
    const string NewTest = "if (Square(7) != 49 || Square(-3) != 9) throw new Exception($\"Square(7) should be 49 and Square(-3) 9, got {Square(7)} and {Square(-3)}.\");";

    [Fact]
    public void EachCopyIsGradedAgainstTheReleaseItCameFrom()
    {
        var s = new GradingScratch();   // release 1 written and recorded
        var first = s.ReleasedJson;
        File.WriteAllText(s.Assignment.Path, Edit(File.ReadAllText(s.Assignment.Path), "test-square", NewTest));
        var second = File.ReadAllText(StudentRelease.Release(Assignment.Load(s.Assignment.Path), Path.Combine(s.Root, "out", "release-2")));
        var assignment = Assignment.Load(s.Assignment.Path);

        Assert.Equal(new[] { 1, 2 }, assignment.Releases.Select(r => r.Number));
        Assert.Equal("if (Square(7) != 49) throw new Exception($\"Square(7) should be 49, got {Square(7)}.\");", assignment.Releases[0].Cell("test-square")!.Source);
        Assert.Equal(NewTest, assignment.Releases[1].Cell("test-square")!.Source);
        Assert.Equal(2, ReleaseHistory.Next(assignment).Number);

        // Square wrong for negative numbers: only release 2's test sees it.
        const string positiveOnly = "return x < 0 ? 0 : x * x;";
        s.Submit("first", Solved(first, square: positiveOnly));
        s.Submit("first-unnumbered", NotebookEdits.WithoutRelease(Solved(first, square: positiveOnly)));
        s.Submit("second", Solved(second, square: positiveOnly));
        s.Submit("first-edited", Edit(Solved(first), "test-square", "// trust me"));
        var grades = Grader.Grade(assignment, Submissions.Find(s.Submissions, Name), RobustnessFixture.Limits).ToDictionary(g => g.Student);

        GradeRow Row(string student) => grades[student].Rows.Single(r => r.Test == "test-square");
        Assert.Equal((GradeStatus.Passed, MaxPoints), (Row("first").Status, grades["first"].Points));
        Assert.Equal((GradeStatus.Passed, MaxPoints), (Row("first-unnumbered").Status, grades["first-unnumbered"].Points));
        Assert.Equal((GradeStatus.Failed, MaxPoints - 2), (Row("second").Status, grades["second"].Points));
        Assert.Contains("Square(-3) 9, got 49 and 0", Row("second").Message);
        Assert.Equal((GradeStatus.EditedTest, MaxPoints - 2), (Row("first-edited").Status, grades["first-edited"].Points));
    }

    [Fact]
    public void AHistoryWrittenBeforeHiddenTestsWereKeptGetsANewReleaseAndItsCopiesStillGrade()
    {
        var s = new GradingScratch();   // release 1 written and recorded
        var history = ReleaseHistory.PathOf(s.Assignment.Path);
        var old = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(history))!;
        old["releases"]![0]!.AsObject().Remove("hidden");
        File.WriteAllText(history, old.ToJsonString());
        var before = Assignment.Load(s.Assignment.Path);
        Assert.Null(before.Releases[0].Hidden);

        var second = File.ReadAllText(StudentRelease.Release(before, Path.Combine(s.Root, "out", "release-2")));
        var assignment = Assignment.Load(s.Assignment.Path);

        Assert.Equal(new[] { 1, 2 }, assignment.Releases.Select(r => r.Number));
        Assert.Equal(new[] { new HiddenTest("hidden-sum", 3) }, assignment.Releases[1].Hidden);
        Assert.Equal(assignment.Releases[0].Cells, assignment.Releases[1].Cells);
        Assert.Equal(2, ReleaseHistory.Next(assignment).Number);
        s.Submit("first", Solved(s.ReleasedJson));
        s.Submit("first-unnumbered", NotebookEdits.WithoutRelease(Solved(s.ReleasedJson)));
        s.Submit("second", Solved(second, sumTo: "return n;"));
        var grades = Grader.Grade(assignment, Submissions.Find(s.Submissions, Name), RobustnessFixture.Limits).ToDictionary(g => g.Student);
        Assert.Equal((MaxPoints, MaxPoints, 2.0), (grades["first"].Points, grades["first-unnumbered"].Points, grades["second"].Points));
    }

    [Fact]
    public void TheReleasedNotebookNamesItsRelease()
    {
        var s = new GradingScratch();
        var document = Microsoft.DotNet.Interactive.Documents.Jupyter.Notebook.Parse(s.ReleasedJson);
        Assert.Equal(1, ReleaseHistory.NumberIn(document));
        Assert.Equal(1, ReleaseHistory.For(Assignment.Load(s.Assignment.Path), document).Number);
    }
}
