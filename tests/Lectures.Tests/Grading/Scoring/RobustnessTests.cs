using System.Security.Cryptography;
using Lectures.Grading.Scoring;
using Lectures.Grading.Samples;
using static Lectures.Grading.Samples.SyntheticAssignment;

namespace Lectures.Tests.Grading.Scoring;

/// <summary>One folder of submissions, each breaking the rules in its own way, graded once (and a second time to check the gradebook repeats).</summary>
public sealed class RobustnessFixture
{
    public static readonly GradingLimits Limits = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), 256, 2);
    public GradingScratch Scratch { get; } = new();
    public IReadOnlyDictionary<string, StudentGrade> Grades { get; }
    public string Gradebook { get; }
    public string SecondGradebook { get; }
    public string FirstGradebookOfReRun { get; }
    public IReadOnlyDictionary<string, string> HashesBefore { get; }
    public IReadOnlyDictionary<string, string> HashesAfter { get; }

    public RobustnessFixture()
    {
        var s = Scratch;
        var solved = s.Solved();
        s.Submit("instructor", Lectures.Grading.Format.NotebookFile.Serialize(Lectures.Grading.Format.NotebookFile.Read(s.Assignment.Path)));
        s.Submit("released", s.ReleasedJson);
        s.Submit("correct", solved);
        s.Submit("loop", s.Solved(square: "while (true) { }"));
        s.Submit("overflow", s.Solved(square: "return Square(x + 1) + 1;"));
        s.Submit("exception", s.Solved(square: "throw new InvalidOperationException(\"boom in Square\");"));
        s.Submit("memory", s.Solved(square: "var a = new long[2_000_000_000]; return a.Length;"));
        File.WriteAllText(Path.Combine(s.Submissions, "invalid.ipynb"), "{ \"cells\": [ this is not JSON");
        s.Submit("missing", Edit(solved, "sol-sum", null));
        s.Submit("renamed", Edit(solved, "test-square", "if (Square(7) != 49) throw new Exception($\"Square(7) should be 49, got {Square(7)}.\");", newId: "my-test"));
        s.Submit("edited-test", Edit(solved, "test-square", "// trust me"));
        s.Submit("deleted-test", Edit(solved, "test-sum", null));
        s.Submit("edited-readonly", Edit(solved, "given", "static long Twice(long x) => 2 * x + 0;"));
        s.Submit("writes", s.Solved(square: "System.IO.File.WriteAllText(\"answer.txt\", \"49\"); return x * x;"));
        s.Submit("reads-hidden", Edit(solved, "free", "var peek = System.IO.File.ReadAllText(\"../../assignments/synthetic/synthetic.ipynb\");"));
        s.Submit("sneaky-writer", Edit(solved, "free", "new System.Xml.Linq.XDocument(new System.Xml.Linq.XElement(\"a\")).Save(\"leak.xml\");"));
        // Issue 15: attacks on the allow-list and the test contract, cells a kernel accepts, and malformed notebooks.
        s.Submit("proc-mem", Edit(solved, "free", "var s = new System.Xml.XmlUrlResolver().GetEntity(new Uri(\"file:///proc/self/mem\"), null, null);"));
        s.Submit("reflection", s.Solved(square: "var f = Type.GetType(\"System.IO.File, System.Runtime\"); return x * x;"));
        s.Submit("struct-eq", Edit(solved, "sol-square", "struct Any { public static bool operator ==(Any a, long b) => true; public static bool operator !=(Any a, long b) => false; " +
            "public override bool Equals(object? o) => true; public override int GetHashCode() => 0; }\nstatic Any Square(long x) => new Any();"));
        s.Submit("shadow-twice", NotebookEdits.Insert(solved, "sol-square", "static long Twice(long x) => 0;"));
        var quiet = new[] { "// a note", "/* */", "using System.Text;", "#nullable enable", "#region helpers\n#endregion" }
            .Aggregate(solved, (json, cell) => NotebookEdits.Insert(json, "test-square", cell));
        s.Submit("comment-cells", quiet);
        s.Submit("kernel-lines", Edit(Edit(solved, "sol-square", "#!csharp\n" + SquareCell(SquareSolution)), "free", "#!time\ndisplay(Square(3));"));
        s.Submit("hidden-id", NotebookEdits.Insert(solved, "free", "System.IO.File.ReadAllText(\"x\");", gradeId: "hidden-sum"));
        s.Submit("copied-test-loops", NotebookEdits.Insert(solved, "free", "while (true) { }", gradeId: "test-square"));
        File.WriteAllText(Path.Combine(s.Submissions, "nbformat3.ipynb"), "{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {}, \"worksheets\": [{\"cells\": []}]}");
        File.WriteAllText(Path.Combine(s.Submissions, "cells-null.ipynb"), "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": null}");

        HashesBefore = Hashes(s.Submissions);
        var submissions = Submissions.Find(s.Submissions, Name);
        var grades = Grader.Grade(s.Assignment, submissions, Limits);
        Grades = grades.ToDictionary(g => g.Student);
        Gradebook = GradeReport.Write(Name, grades, Path.Combine(s.Root, "out", "grade"));
        // The re-run takes the submissions whose grading depends on time limits and crashes, and two plain ones.
        var again = new[] { "correct", "exception", "loop", "overflow", "memory" };
        SecondGradebook = GradeReport.Gradebook(Grader.Grade(s.Assignment, submissions.Where(x => again.Contains(x.Student)).ToList(), Limits));
        FirstGradebookOfReRun = GradeReport.Gradebook(grades.Where(g => again.Contains(g.Student)).ToList());
        HashesAfter = Hashes(s.Submissions);
    }

    static IReadOnlyDictionary<string, string> Hashes(string dir) =>
        Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}

public class RobustnessTests(RobustnessFixture fixture) : IClassFixture<RobustnessFixture>
{
    StudentGrade Grade(string student) => fixture.Grades[student];

    GradeRow Row(string student, string test) => Grade(student).Rows.Single(r => r.Test == test);

    [Fact]
    public void TheInstructorNotebookGetsFullMarks()
    {
        Assert.Equal(MaxPoints, Grade("instructor").Points);
        Assert.Equal(MaxPoints, Grade("correct").Points);
        Assert.All(Grade("correct").Rows, r => Assert.Equal(GradeStatus.Passed, r.Status));
        Assert.Equal(new[] { "test-square", "test-sum", "hidden-sum" }, Grade("correct").Rows.Select(r => r.Test));
    }

    [Fact]
    public void TheReleasedNotebookGetsZeroBecauseEveryStubThrows()
    {
        Assert.Equal(0, Grade("released").Points);
        Assert.Equal(MaxPoints, Grade("released").MaxPoints);
        Assert.All(Grade("released").Rows, r => Assert.Equal(GradeStatus.NotImplemented, r.Status));
    }

    [Theory]
    [InlineData("loop", "test-square", GradeStatus.Timeout, 4)]
    [InlineData("overflow", "test-square", GradeStatus.StackOverflow, 4)]
    [InlineData("exception", "test-square", GradeStatus.Failed, 4)]
    [InlineData("memory", "test-square", GradeStatus.OutOfMemory, 4)]
    [InlineData("missing", "test-sum", GradeStatus.CompileError, 2)]
    [InlineData("renamed", "test-square", GradeStatus.MissingCell, 4)]
    [InlineData("edited-test", "test-square", GradeStatus.EditedTest, 4)]
    [InlineData("deleted-test", "test-sum", GradeStatus.MissingCell, 5)]
    [InlineData("writes", "test-square", GradeStatus.CompileError, 4)]
    public void EachBrokenSubmissionGetsItsStatusAndThePointsOfWhatStillWorks(string student, string test, GradeStatus status, double total)
    {
        Assert.Equal(status, Row(student, test).Status);
        Assert.Equal(0, Row(student, test).Points);
        Assert.Equal(total, Grade(student).Points);
    }

    [Theory]
    [InlineData("missing", "cell:sol-sum", GradeStatus.MissingCell, MaxPoints - 4)]
    [InlineData("edited-readonly", "cell:given", GradeStatus.EditedReadOnly, MaxPoints)]
    [InlineData("writes", "cell:sol-square", GradeStatus.ForbiddenApi, MaxPoints - 2)]
    [InlineData("reads-hidden", "cell:free", GradeStatus.ForbiddenApi, MaxPoints)]
    [InlineData("sneaky-writer", "cell:free", GradeStatus.ForbiddenApi, MaxPoints)]
    [InlineData("proc-mem", "cell:free", GradeStatus.ForbiddenApi, MaxPoints)]
    [InlineData("reflection", "cell:sol-square", GradeStatus.ForbiddenApi, MaxPoints - 2)]
    [InlineData("loop", "cell:sol-square", null, 4)]
    public void ProblemsOutsideTestsAreReportedOnTheirOwnLine(string student, string test, GradeStatus? status, double total)
    {
        var rows = Grade(student).Rows.Where(r => r.Test == test).ToList();
        if (status is null) Assert.Empty(rows);
        else Assert.Equal(status, Assert.Single(rows).Status);
        Assert.Equal(total, Grade(student).Points);
    }

    [Fact]
    public void AnInvalidNotebookGetsZeroOnEveryTest()
    {
        Assert.Equal(3, Grade("invalid").Rows.Count);
        Assert.All(Grade("invalid").Rows, r => Assert.Equal(GradeStatus.InvalidNotebook, r.Status));
        Assert.Contains("not a readable Jupyter notebook", Grade("invalid").Rows[0].Message);
    }

    [Fact]
    public void ForbiddenApisAreNamed()
    {
        Assert.Contains("System.IO.File", Row("writes", "cell:sol-square").Message);
        Assert.Contains("System.IO.File", Row("reads-hidden", "cell:free").Message);
        Assert.Contains("uses System.Xml.Linq.XDocument", Row("sneaky-writer", "cell:free").Message);
        Assert.Contains("uses System.Xml.XmlUrlResolver", Row("proc-mem", "cell:free").Message);
        Assert.Contains("uses System.Type", Row("reflection", "cell:sol-square").Message);
    }

    [Theory]
    [InlineData("struct-eq", "test-square", GradeStatus.ChangedSignature, "Square is declared as Any Square(long), but the release declares long Square(long), which test-square uses.", 4)]
    [InlineData("shadow-twice", "hidden-sum", GradeStatus.ShadowsApi, "method Twice hides long Twice(long), which hidden-sum uses.", 3)]
    public void DeclarationsThatChangeWhatATestUsesCostThatTest(string student, string test, GradeStatus status, string message, double total)
    {
        Assert.Equal(status, Row(student, test).Status);
        Assert.Equal(message, Row(student, test).Message);
        Assert.Equal(0, Row(student, test).Points);
        Assert.Equal(total, Grade(student).Points);
    }

    [Theory]
    [InlineData("comment-cells")]
    [InlineData("kernel-lines")]
    public void CellsTheKernelAcceptsGradeAsInTheKernel(string student)
    {
        Assert.Equal(MaxPoints, Grade(student).Points);
        Assert.All(Grade(student).Rows, r => Assert.Equal(GradeStatus.Passed, r.Status));
    }

    [Fact]
    public void ACellCarryingATestsIdGetsItsOwnRowAndLeavesTheTestsRow()
    {
        var hidden = Assert.Single(Grade("hidden-id").Rows, r => r.Test.StartsWith("cell:hidden-sum#", StringComparison.Ordinal));
        Assert.Equal(GradeStatus.ForbiddenApi, hidden.Status);
        Assert.Equal(GradeStatus.Passed, Row("hidden-id", "hidden-sum").Status);
        Assert.Equal(MaxPoints, Grade("hidden-id").Points);
        var copy = Assert.Single(Grade("copied-test-loops").Rows, r => r.Test.StartsWith("cell:test-square#", StringComparison.Ordinal));
        Assert.Equal(GradeStatus.Timeout, copy.Status);
        Assert.Equal(GradeStatus.Passed, Row("copied-test-loops", "test-square").Status);
        Assert.Equal(MaxPoints, Grade("copied-test-loops").Points);
    }

    [Theory]
    [InlineData("nbformat3", "its nbformat is 3")]
    [InlineData("cells-null", "it has no list of cells")]
    public void OtherFormatsAndMissingCellsAreInvalidNotebooks(string student, string message)
    {
        Assert.Equal(3, Grade(student).Rows.Count);
        Assert.All(Grade(student).Rows, r => Assert.Equal(GradeStatus.InvalidNotebook, r.Status));
        Assert.Contains(message, Grade(student).Rows[0].Message);
    }

    [Fact]
    public void SubmissionsAreNeverModifiedAndAReRunGivesTheSameGradebook()
    {
        Assert.Equal(fixture.HashesBefore, fixture.HashesAfter);
        Assert.Equal(fixture.FirstGradebookOfReRun, fixture.SecondGradebook);
        Assert.Contains("loop,test-square,0,2,timeout", fixture.SecondGradebook);
        Assert.Contains("overflow,cell:free,0,0,stack-overflow", fixture.SecondGradebook);
    }

    [Fact]
    public void TheGradebookHasOneLinePerStudentAndRow()
    {
        var lines = File.ReadAllLines(fixture.Gradebook);
        Assert.Equal(GradeReport.Header, lines[0]);
        Assert.Equal(fixture.Grades.Values.Sum(g => g.Rows.Count), lines.Length - 1);
        Assert.Contains("correct,hidden-sum,3,3,passed", lines);
        Assert.Contains("loop,test-square,0,2,timeout", lines);
        Assert.Contains("overflow,test-square,0,2,stack-overflow", lines);
    }

    [Fact]
    public void FeedbackShowsTheFailingTestsMessages()
    {
        var feedback = File.ReadAllText(Path.Combine(Path.GetDirectoryName(fixture.Gradebook)!, "feedback", "exception.md"));
        Assert.Contains("**Score: 4 / 6**", feedback);
        Assert.Contains("### test-square (failed)", feedback);
        Assert.Contains("InvalidOperationException: boom in Square", feedback);
        Assert.DoesNotContain("### test-sum", feedback);
    }
}
