using Lectures.Grading.Scoring;

namespace Lectures.Tests.Grading.Scoring;

/// <summary>The gradebook and feedback files: one file per student whatever the names, no spreadsheet formulas, no stale files.</summary>
public class ReportTests
{
    static StudentGrade Grade(string student, double points) =>
        new(student, student + ".ipynb", new[] { new GradeRow("t1", points, 2, points == 2 ? GradeStatus.Passed : GradeStatus.Failed, points == 2 ? "" : "wrong") });

    static string Scratch() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lectures-grading-tests", Guid.NewGuid().ToString("N")[..8])).FullName;

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("a_b", "a_b")]
    [InlineData("a%20b", "a%2520b")]
    [InlineData("../x", "%2E.%2Fx")]
    [InlineData("Zoë", "Zo%C3%AB")]
    [InlineData("s.mith", "s.mith")]
    public void FeedbackFileNamesAreEscapedOneToOne(string student, string file) => Assert.Equal(file, GradeReport.FileName(student));

    [Fact]
    public void StudentsWhoseNamesOnlyDifferInUnsafeCharactersGetTheirOwnFeedback()
    {
        var dir = Scratch();
        GradeReport.Write("hw", new[] { Grade("a b", 2), Grade("a_b", 0) }, dir);
        Assert.Contains("**Score: 2 / 2**", File.ReadAllText(Path.Combine(dir, "feedback", "a%20b.md")));
        Assert.Contains("**Score: 0 / 2**", File.ReadAllText(Path.Combine(dir, "feedback", "a_b.md")));
    }

    [Fact]
    public void FieldsThatASpreadsheetWouldRunAsFormulasAreEscaped()
    {
        var book = GradeReport.Gradebook(new[] { Grade("=HYPERLINK(\"http://x\",\"y\")", 2), Grade("+1", 0), Grade("-2", 0), Grade("@SUM(A1)", 0), Grade("plain", 2) });
        var lines = book.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",t1,2,2,passed", lines[1]);
        Assert.Equal("'+1,t1,0,2,failed", lines[2]);
        Assert.Equal("'-2,t1,0,2,failed", lines[3]);
        Assert.Equal("'@SUM(A1),t1,0,2,failed", lines[4]);
        Assert.Equal("plain,t1,2,2,passed", lines[5]);
    }

    [Fact]
    public void ARegradeRemovesOnlyTheFeedbackFilesTheGraderWrote()
    {
        var dir = Scratch();
        GradeReport.Write("hw", new[] { Grade("alice", 2), Grade("bob", 0) }, dir);
        var feedback = Path.Combine(dir, "feedback");
        File.WriteAllText(Path.Combine(feedback, "notes.md"), "the instructor's own notes");
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "x");

        GradeReport.Write("hw", new[] { Grade("alice", 0) }, dir);

        Assert.Equal(new[] { ".feedback-files", "alice.html", "alice.md", "notes.md" }, Directory.GetFiles(feedback).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("**Score: 0 / 2**", File.ReadAllText(Path.Combine(feedback, "alice.md")));
        Assert.Equal("the instructor's own notes", File.ReadAllText(Path.Combine(feedback, "notes.md")));
        Assert.True(File.Exists(Path.Combine(dir, "keep.txt")));
    }

    [Fact]
    public void AManifestPointingOutsideTheFolderRemovesNothing()
    {
        var dir = Scratch();
        var outside = Path.Combine(dir, "outside.md");
        File.WriteAllText(outside, "x");
        Directory.CreateDirectory(Path.Combine(dir, "out", "feedback"));
        File.WriteAllLines(Path.Combine(dir, "out", "feedback", GradeReport.Manifest), new[] { "../../outside.md", "/etc/hostname.md" });

        GradeReport.Write("hw", new[] { Grade("alice", 2) }, Path.Combine(dir, "out"));

        Assert.True(File.Exists(outside));
    }
}
