using Lectures.Grading.Format;
using Lectures.Grading.Scoring;
using Lectures.Grading.Release;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace Lectures.Tests.Grading.Format;

/// <summary>The shipped assignments under assignments/: well formed, released cleanly, and solved by their own solutions.</summary>
public class AssignmentTests
{
    static readonly string Root = KitRoot.Find(AppContext.BaseDirectory);

    static IReadOnlyList<string> AssignmentNames() =>
        Directory.GetDirectories(Path.Combine(KitRoot.Find(AppContext.BaseDirectory), "assignments")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Names() => new(AssignmentNames());

    [Fact]
    public void ThereAreAtLeastFourAssignmentsEachWithVisibleAndHiddenTests()
    {
        var names = AssignmentNames();
        Assert.True(names.Count >= 4, $"Expected at least four assignments, found {string.Join(", ", names)}.");
        foreach (var name in names)
        {
            var a = Assignment.Load(Assignment.NotebookPath(Root, name));
            Assert.Contains(a.Tests, t => t.Hidden);
            Assert.Contains(a.Tests, t => !t.Hidden);
            Assert.Contains(a.Cells, c => c.Role == CellRole.Solution);
        }
    }

    [Fact]
    public void WalkIndexPartCIsAManualCellAskedFromReleaseThreeOn()
    {
        var a = Assignment.Load(Assignment.NotebookPath(Root, "walk-index"));
        Assert.Equal([("reflect-answer", 2.0, false)], a.ManualQuestions.Select(q => (q.Id, q.Points, q.IsCode)));
        Assert.Equal(14, a.MaxPoints);   // tests 2 + 2 + 2 + 2 + 1 + 3 (hidden), Part C 2
        Assert.Equal([0, 0, 1], a.Releases.Select(r => r.ManualQuestions(a).Count));
        Assert.Equal(3, ReleaseHistory.Next(a).Number);   // the notebook as it is now is the recorded release 3
        var released = Notebook.Parse(StudentRelease.Render(a)).Elements.Single(e => e.Id == "reflect-answer");
        Assert.Equal(("*Your answer here.*", false), (released.Contents, released.Metadata!.ContainsKey("editable")));
    }

    [Fact]
    public void AWalkIndexSubmissionOfReleaseTwoStillGradesInFullWithoutPartC()
    {
        var a = Assignment.Load(Assignment.NotebookPath(Root, "walk-index"));
        // Release 2 as a student solved it: its locked cells as released then, no kit cell, Part C's question as a
        // free cell with the old text, no answer cell.
        var notebook = JsonNode.Parse(File.ReadAllText(a.Path))!.AsObject();
        var cells = notebook["cells"]!.AsArray();
        JsonObject Cell(string id) => cells.OfType<JsonObject>().Single(c => (string?)c["id"] == id);
        foreach (var id in new[] { "reflect-answer", "hidden-random", "kit" }) cells.Remove(Cell(id));
        foreach (var released in a.Releases[1].Cells) Cell(released.Id)["source"] = released.Source;
        Cell("reflect")["source"] = "## Part C: think (not graded)\n\nWhich partition lets a depth-2 product GNN model more interaction across it?";
        Cell("reflect")["metadata"] = new JsonObject();
        notebook["metadata"]!["grading"] = new JsonObject { ["assignment"] = "walk-index", ["release"] = 2 };
        var path = Path.Combine(Path.GetTempPath(), "lectures-grading-tests", Guid.NewGuid().ToString("N")[..8], "old.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, notebook.ToJsonString());

        var grade = Grader.GradeOne(a, new Submission("old", path), GradingLimits.Default);

        Assert.Equal(a.Tests.Select(t => (t.Id, t.Points, GradeStatus.Passed)), grade.Rows.Select(r => (r.Test, r.Points, r.Status)));
        Assert.Equal((12.0, 12.0, false), (grade.Points, grade.MaxPoints, grade.Provisional));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TheReleaseHasNoSolutionAndNoHiddenTest(string name)
    {
        var assignment = Assignment.Load(Assignment.NotebookPath(Root, name));
        var released = string.Join("\n", Notebook.Parse(StudentRelease.Render(assignment)).Elements.Select(e => e.Contents));
        Assert.DoesNotContain("SOLUTION", released);
        foreach (var hidden in assignment.Tests.Where(t => t.Hidden))
            Assert.DoesNotContain(hidden.Id, released);
        // Every solution line of some length, unless the instructor also wrote it in a cell students see.
        var shown = assignment.Cells.Where(c => c.Role != CellRole.Solution && !c.Hidden).SelectMany(c => c.Source.Split('\n')).Select(l => l.Trim()).ToHashSet();
        foreach (var solution in assignment.Cells.Where(c => c.Role == CellRole.Solution))
        {
            var inside = solution.Source.Split('\n').SkipWhile(l => !l.Contains("BEGIN SOLUTION")).Skip(1).TakeWhile(l => !l.Contains("END SOLUTION"))
                .Select(l => l.Trim()).Where(l => l.Length > 12 && !shown.Contains(l)).ToList();
            Assert.NotEmpty(inside);
            Assert.All(inside, line => Assert.DoesNotContain(line, released));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TheInstructorNotebookGetsFullMarksAndTheReleaseZero(string name)
    {
        var assignment = Assignment.Load(Assignment.NotebookPath(Root, name));
        var dir = Path.Combine(Path.GetTempPath(), "lectures-grading-tests", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        File.Copy(assignment.Path, Path.Combine(dir, "instructor.ipynb"));
        File.WriteAllText(Path.Combine(dir, "student.ipynb"), StudentRelease.Render(assignment));

        var grades = Grader.Grade(assignment, Submissions.Find(dir, name), GradingLimits.Default).ToDictionary(g => g.Student);

        // The manual cells are graded by hand: before any score, ungraded for both, not 0.
        var manual = assignment.ManualQuestions.Select(q => (q.Id, 0.0, q.Points, GradeStatus.Ungraded)).ToList();
        foreach (var student in new[] { "instructor", "student" })
            Assert.Equal(manual, grades[student].Rows.Where(r => r.Status == GradeStatus.Ungraded).Select(r => (r.Test, r.Points, r.MaxPoints, r.Status)));
        Assert.All(grades["instructor"].Rows.Where(r => r.Status != GradeStatus.Ungraded),
            r => Assert.True(r.Status == GradeStatus.Passed, $"{name}/{r.Test}: {r.Status} {r.Message}"));
        Assert.Equal(0, grades["student"].Points);
        Assert.All(grades["student"].Rows.Where(r => r.Status != GradeStatus.Ungraded),
            r => Assert.Equal(GradeStatus.NotImplemented, r.Status));
    }
}
