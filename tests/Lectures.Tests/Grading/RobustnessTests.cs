using System.Security.Cryptography;
using Lectures.Grading.Execution;
using Lectures.Grading.Grading;
using Lectures.Grading.Samples;
using static Lectures.Grading.Samples.SyntheticAssignment;

namespace Lectures.Tests.Grading;

/// <summary>One folder of submissions, each breaking the rules in its own way, graded once (and a second time to check the gradebook repeats).</summary>
public sealed class RobustnessFixture
{
    public static readonly GradingLimits Limits = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(40), 256, 2);
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
        Assert.All(Grade("correct").Rows, r => Assert.Equal(CellStatus.Passed, r.Status));
        Assert.Equal(new[] { "test-square", "test-sum", "hidden-sum" }, Grade("correct").Rows.Select(r => r.Test));
    }

    [Fact]
    public void TheReleasedNotebookGetsZeroBecauseEveryStubThrows()
    {
        Assert.Equal(0, Grade("released").Points);
        Assert.Equal(MaxPoints, Grade("released").MaxPoints);
        Assert.All(Grade("released").Rows, r => Assert.Equal(CellStatus.NotImplemented, r.Status));
    }

    [Theory]
    [InlineData("loop", "test-square", CellStatus.Timeout, 4)]
    [InlineData("overflow", "test-square", CellStatus.StackOverflow, 4)]
    [InlineData("exception", "test-square", CellStatus.Failed, 4)]
    [InlineData("memory", "test-square", CellStatus.OutOfMemory, 4)]
    [InlineData("missing", "test-sum", CellStatus.CompileError, 2)]
    [InlineData("renamed", "test-square", GradeStatus.MissingCell, 4)]
    [InlineData("edited-test", "test-square", GradeStatus.EditedTest, 4)]
    [InlineData("deleted-test", "test-sum", GradeStatus.MissingCell, 5)]
    [InlineData("writes", "test-square", CellStatus.CompileError, 4)]
    public void EachBrokenSubmissionGetsItsStatusAndThePointsOfWhatStillWorks(string student, string test, string status, double total)
    {
        Assert.Equal(status, Row(student, test).Status);
        Assert.Equal(0, Row(student, test).Points);
        Assert.Equal(total, Grade(student).Points);
    }

    [Theory]
    [InlineData("missing", "cell:sol-sum", GradeStatus.MissingCell, MaxPoints - 4)]
    [InlineData("edited-readonly", "cell:given", GradeStatus.EditedReadOnly, MaxPoints)]
    [InlineData("writes", "cell:sol-square", CellStatus.Forbidden, MaxPoints - 2)]
    [InlineData("reads-hidden", "cell:free", CellStatus.Forbidden, MaxPoints)]
    [InlineData("sneaky-writer", "(notebook)", GradeStatus.WroteFiles, MaxPoints)]
    [InlineData("loop", "cell:sol-square", null, 4)]
    public void ProblemsOutsideTestsAreReportedOnTheirOwnLine(string student, string test, string? status, double total)
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
        Assert.Contains("leak.xml", Row("sneaky-writer", "(notebook)").Message);
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
