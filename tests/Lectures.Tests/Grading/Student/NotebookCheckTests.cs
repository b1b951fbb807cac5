using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Lectures.Grading.Format;
using Lectures.Grading.Release;
using Lectures.Grading.Samples;
using Lectures.Grading.Scoring;
using Lectures.Grading.Student;
using Lectures.Tests.Grading.Format;
using static Lectures.Grading.Samples.SyntheticAssignment;

namespace Lectures.Tests.Grading.Student;

/// <summary>
/// `lectures check` (issue 28): a student's notebook graded as the grader will, with the visible tests only, from
/// what its release recorded; the hidden tests named with their points, never their code; the notebook only read.
/// </summary>
public class NotebookCheckTests
{
    static readonly string Root = KitRoot.Find(AppContext.BaseDirectory);
    static readonly GradingLimits Limits = GradingLimits.Default with { Parallelism = 1 };

    /// <summary>The student's folder, away from the assignment: check has only the notebook.</summary>
    static string StudentCopy(string json, string name = "mine")
    {
        var path = Path.Combine(Path.GetTempPath(), "lectures-check-tests", Guid.NewGuid().ToString("N")[..8], name + ".ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    static IReadOnlyList<GradeRow> Visible(StudentGrade grade, Assignment a) =>
        grade.Rows.Where(r => !a.Tests.Any(t => t.Hidden && t.Id == r.Test)).ToList();

    [Fact]
    public void ACorrectNotebookEarnsTheVisiblePointsAndHearsOfTheHiddenTest()
    {
        var s = new GradingScratch();
        var path = StudentCopy(s.Solved());
        var before = SHA256.HashData(File.ReadAllBytes(path));

        var result = NotebookCheck.Run(path);

        Assert.Equal(new[] { ("test-square", 2.0, GradeStatus.Passed), ("test-sum", 1.0, GradeStatus.Passed) },
            result.Grade.Rows.Select(r => (r.Test, r.Points, r.Status)));
        Assert.Equal(new[] { new HiddenTest("hidden-sum", 3) }, result.Release.Hidden);
        var report = result.Report();
        Assert.StartsWith("# synthetic: feedback for mine\n\n**Score: 3 / 3**\n", report);
        Assert.Contains("Release 1 has 1 hidden test(s) worth 3 points; they run only when your notebook is graded, out of 6 points in all:\n\n- hidden-sum (3 points)\n", report);
        Assert.DoesNotContain(HiddenMarker, report);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(path)));
        Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void TheRowsAreTheGradersForTheVisibleTests()
    {
        var s = new GradingScratch();
        var notebooks = new Dictionary<string, string>
        {
            ["sum-wrong"] = s.Solved(sumTo: "return n;"),
            ["square-stub"] = s.ReleasedJson,
            ["forbidden"] = s.Solved(square: "System.Diagnostics.Process.Start(\"sh\"); return x * x;"),
            ["edited-test"] = Edit(s.Solved(), "test-square", "// trust me"),
            ["edited-readonly"] = Edit(s.Solved(), "given", "static long Twice(long x) => 2 * x + 0;"),
            ["twice-shadowed"] = NotebookEdits.Insert(s.Solved(), "sol-square", "static long Twice(long x) => 0;"),
        };
        foreach (var (student, json) in notebooks)
        {
            var graded = Grader.GradeOne(s.Assignment, new Submission(student, s.Submit(student, json)), Limits);
            var checkedRows = NotebookCheck.Run(StudentCopy(json, student)).Grade.Rows;
            Assert.Equal(Visible(graded, s.Assignment), checkedRows);
        }
    }

    [Fact]
    public void AForbiddenCellIsNamedByTheTestsThatNeedIt()
    {
        var s = new GradingScratch();
        var grade = NotebookCheck.Run(StudentCopy(s.Solved(square: "var w = new System.Diagnostics.TextWriterTraceListener(\"x.log\"); return x * x;"))).Grade;
        Assert.Equal("Square is defined in cell sol-square, which was not run: it uses System.Diagnostics.TextWriterTraceListener.",
            grade.Rows.Single(r => r.Test == "test-square").Message);
        Assert.Equal(1, grade.Points);
    }

    [Fact]
    public void WithoutTheSandboxItSaysWhyAndWhoseCodeRan()
    {
        var release = new ReleasedNotebook("synthetic", 2, [], [], new Dictionary<string, IReadOnlyList<string>>());
        var grade = new StudentGrade("mine", "mine.ipynb", [new GradeRow("test-square", 2, 2, GradeStatus.Passed, "")]);

        var report = new NotebookCheckResult(release, grade, "bwrap is not installed.").Report();

        Assert.EndsWith("## Hidden tests\n\nNone: the visible tests are all the tests.\n\n" +
            "Ran WITHOUT the OS sandbox (bwrap is not installed): it is your own code on your own machine, with your access to files and the network. The grader runs it in the sandbox.\n", report);
        Assert.EndsWith("Ran in the OS sandbox, as the grader runs it.\n", new NotebookCheckResult(release, grade, null).Report());
    }

    [Fact]
    public void BadInputIsOneLineNamingTheFile()
    {
        var s = new GradingScratch();
        var notJson = StudentCopy("{ \"cells\": [ nope");
        Assert.StartsWith($"{notJson} is not a readable Jupyter notebook: ", Assert.Throws<InvalidDataException>(() => NotebookCheck.Run(notJson)).Message);

        var bare = StudentCopy(NotebookEdits.WithoutRelease(s.Solved()));
        Assert.Equal($"{bare} names no assignment release in its metadata (grading.assignment, grading.release): check needs the notebook as your course released it.",
            Assert.Throws<InvalidDataException>(() => NotebookCheck.Run(bare)).Message);

        var root = JsonNode.Parse(s.Solved())!;
        root["metadata"]!["grading"]!.AsObject().Remove(ReleasedNotebook.CheckKey);
        var old = StudentCopy(root.ToJsonString());
        Assert.Equal($"{old} is from release 1 of synthetic, which does not record the tests for check: get the current release and copy your solutions into it.",
            Assert.Throws<InvalidDataException>(() => NotebookCheck.Run(old)).Message);

        var missing = Path.Combine(Path.GetDirectoryName(old)!, "none.ipynb");
        Assert.Equal($"Notebook not found: {missing}", Assert.Throws<FileNotFoundException>(() => NotebookCheck.Run(missing)).Message);
    }

    [Theory]
    [MemberData(nameof(AssignmentTests.Names), MemberType = typeof(AssignmentTests))]
    public void EachShippedAssignmentsReferenceSolutionPassesEveryVisibleTest(string name)
    {
        var a = Assignment.Load(Assignment.NotebookPath(Root, name));
        var result = NotebookCheck.Run(StudentCopy(ReferenceSolution.Json(a), name));

        // The answers graded by hand (walk-index's reflect-answer) are listed as ungraded: check cannot score them.
        var tests = result.Grade.Rows.Where(r => r.Status != GradeStatus.Ungraded).ToList();
        Assert.All(tests, r => Assert.True(r.Status == GradeStatus.Passed, $"{name}/{r.Test}: {r.Status} {r.Message}"));
        Assert.Equal(a.Tests.Where(t => !t.Hidden).Select(t => (t.Id, t.Points)), tests.Select(r => (r.Test, r.Points)));
        Assert.Equal(a.ManualQuestions.Select(q => q.Id), result.Grade.Rows.Where(r => r.Status == GradeStatus.Ungraded).Select(r => r.Test));
        Assert.Equal(a.Tests.Where(t => t.Hidden).Select(t => new HiddenTest(t.Id, t.Points)), result.Release.Hidden);
        Assert.Equal(a.MaxPoints, result.Grade.MaxPoints + result.HiddenPoints);
    }
}
