using Lectures.Grading.Manual;
using Lectures.Grading.Scoring;

namespace Lectures.Tests.Grading.Manual;

/// <summary>scores.csv: CSV quoting in comments, empty points for ungraded answers, and a one-line error for each malformed row.</summary>
public class ManualScoresTests
{
    readonly ManualScratch s = new();
    readonly IReadOnlyList<Submission> submissions;

    public ManualScoresTests()
    {
        s.Submit("ann", s.Answered("n pairs summing to n + 1, halved.", "// SumTo(4) == 10"));
        s.Submit("bob", s.FirstReleaseJson);
        Directory.CreateDirectory(Path.Combine(s.Submissions, "cy"));   // a folder with no notebook: cy submitted nothing
        submissions = Submissions.Find(s.Submissions, "synthetic");
    }

    [Fact]
    public void ScoresAndQuotedCommentsAreReadAndEmptyPointsStayUngraded()
    {
        var path = s.Write("scores.csv",
            "student,question,points,comment\r\n"
            + "ann,essay,1.5,\"Right idea, but say \"\"why\"\" the pairs\nsum to n + 1.\"\r\n"
            + "ann,sketch,,\r\n"
            + " bob , essay , 2 ,\n");
        var scores = ManualScores.Read(path, s.Assignment, submissions);

        Assert.Equal(new ManualScore("ann", "essay", 1.5, "Right idea, but say \"why\" the pairs\nsum to n + 1."), scores.Of("ann", "essay"));
        Assert.Null(scores.Of("ann", "sketch"));
        Assert.Equal(new ManualScore("bob", "essay", 2, ""), scores.Of("bob", "essay"));
        Assert.Null(ManualScores.None.Of("ann", "essay"));
    }

    [Theory]
    [InlineData("student,points\nann,1\n", "{0}: the header must be \"student,question,points,comment\", got \"student,points\".")]
    [InlineData("student,question,points,comment\nann,essay,1\n", "{0}, line 2: 3 fields, but the header has 4.")]
    [InlineData("student,question,points,comment\nann,\"essay,1,\n", "{0}, line 2: a quoted field is never closed.")]
    [InlineData("student,question,points,comment\n,essay,1,\n", "{0}, row 2: the student is empty.")]
    [InlineData("student,question,points,comment\nann,essay,1,\nann,test-sum,1,\n", "{0}, row 3: 'test-sum' is not a manual cell of synthetic; its manual cells are essay, sketch.")]
    [InlineData("student,question,points,comment\nann,essay,2.5,\n", "{0}, row 2: the points of 'essay' must be a number from 0 to 2, got \"2.5\".")]
    [InlineData("student,question,points,comment\nann,sketch,one,\n", "{0}, row 2: the points of 'sketch' must be a number from 0 to 1, got \"one\".")]
    [InlineData("student,question,points,comment\nann,sketch,-0,\nann,sketch,1,\n", "{0}, row 3: ann's answer to 'sketch' is scored twice.")]
    [InlineData("student,question,points,comment\nann,essay,2,\ncy,essay,1,\ndan,essay,0,\n", "{0} scores cy, dan, who submitted nothing: check the student names against the submissions.")]
    public void AMalformedScoresFileIsRefusedNamingTheFileAndTheRow(string text, string message)
    {
        var path = s.Write("scores.csv", text);
        var e = Assert.Throws<InvalidDataException>(() => ManualScores.Read(path, s.Assignment, submissions));
        Assert.Equal(string.Format(message, path), e.Message);
    }
}
