using Lectures.Grading.Format;
using Lectures.Grading.Scoring;
using Lectures.Grading.Release;
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

        Assert.All(grades["instructor"].Rows,
            r => Assert.True(r.Status == GradeStatus.Passed, $"{name}/{r.Test}: {r.Status} {r.Message}"));
        Assert.Equal(0, grades["student"].Points);
        Assert.All(grades["student"].Rows,
            r => Assert.Equal(GradeStatus.NotImplemented, r.Status));
    }
}
