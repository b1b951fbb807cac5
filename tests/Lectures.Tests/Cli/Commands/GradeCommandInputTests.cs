using System.Security.Cryptography;
using Lectures.Cli.Kit;
using Lectures.Grading.Late;
using Lectures.Grading.Samples;
using Lectures.Tests.Grading.Manual;

namespace Lectures.Tests.Cli.Commands;

/// <summary>
/// `lectures grade`, run as the real command (a child process) in a scratch kit holding the synthetic assignment
/// with manual cells: --manual merges the instructor's scores, and every kind of bad input is one line naming the
/// file and the problem, with exit code 1, before anything is graded.
/// </summary>
public sealed class GradeCommandInputTests
{
    readonly ManualScratch kit = new();
    string Course => Path.Combine(kit.Root, "assignments", CoursePolicies.FileName);

    public GradeCommandInputTests() => File.WriteAllText(Path.Combine(kit.Root, "Lectures.sln"), "");

    Shell.Result Lectures(params string[] args) =>
        Shell.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "Lectures.Cli.dll"), .. args], kit.Root, TimeSpan.FromMinutes(5));

    string Folder(string name, params (string File, string Json)[] files)
    {
        var folder = Path.Combine(kit.Root, name);
        foreach (var (file, json) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, file))!);
            File.WriteAllText(Path.Combine(folder, file), json);
        }
        return folder;
    }

    static string Hash(string folder) => Convert.ToHexString(SHA256.HashData(
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).SelectMany(File.ReadAllBytes).ToArray()));

    [Fact]
    public void ManualScoresAreMergedAndTheAnswersAndATemplateAreWrittenForTheInstructor()
    {
        var submissions = Folder("submissions", ("ann.ipynb", kit.Answered("Pair k with <b>n + 1 - k</b>.", "// SumTo(4) == 10")),
            ("bob.ipynb", kit.Answered("I don't know.", "")));
        var before = Hash(submissions);
        var scores = kit.Write("scores.csv", "student,question,points,comment\nann,essay,2,\"Good, and \"\"why\"\" is clear.\"\nann,sketch,0.5,\nbob,essay,0,\n");
        var outDir = Path.Combine(kit.Root, "out", "grade");
        var template = Folder(Path.Combine("out", "grade"), ("scores-template.csv", "student,question,points,comment\nann,essay,2,\n"));

        var roster = kit.Write("roster.csv", "Student,ID,SIS User ID,SIS Login ID,Section,Assignment 1: synthetic (1)\n"
            + "Points Possible,,,,,9\nAnn,ann,,,A,\nBob,bob,,,A,\nCy,cy,,,A,\n");

        var run = Lectures("grade", "synthetic", "--submissions", submissions, "--manual", scores, "--out", outDir, "--export", "canvas", "--roster", roster);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(
            "student,test,points,max,status\n"
            + "ann,test-square,2,2,passed\nann,test-sum,1,1,passed\nann,hidden-sum,3,3,passed\nann,essay,2,2,graded-by-hand\nann,sketch,0.5,1,graded-by-hand\n"
            + "bob,test-square,2,2,passed\nbob,test-sum,1,1,passed\nbob,hidden-sum,3,3,passed\nbob,essay,0,2,graded-by-hand\nbob,sketch,ungraded,1,ungraded\n",
            File.ReadAllText(Path.Combine(outDir, "gradebook.csv")));
        Assert.Contains("**Score: 8.5 / 9**", File.ReadAllText(Path.Combine(outDir, "feedback", "ann.md")));
        Assert.Contains("Good, and \"why\" is clear.", File.ReadAllText(Path.Combine(outDir, "feedback", "ann.md")));
        Assert.Contains("**Score: 6 / 9 (provisional: answers worth 1 point are not graded by hand yet)**", File.ReadAllText(Path.Combine(outDir, "feedback", "bob.md")));
        Assert.Contains("6 / 9 (provisional)", run.Output);
        Assert.Contains("Pair k with &lt;b&gt;n + 1 - k&lt;/b&gt;.", File.ReadAllText(Path.Combine(outDir, "manual-answers.html")));
        Assert.Equal("student,question,points,comment\nann,essay,2,\n", File.ReadAllText(Path.Combine(template, "scores-template.csv")));
        Assert.Contains($"Scores template: {Path.Combine(outDir, "scores-template.csv")} exists, left as it is", run.Output);
        // bob's grade is provisional: his cell stays empty, like cy's, who submitted nothing; each is listed for what it is.
        Assert.Equal("Student,ID,SIS User ID,SIS Login ID,Section,Assignment 1: synthetic (1)\r\nPoints Possible,,,,,9\r\nAnn,ann,,,A,8.5\r\nBob,bob,,,A,\r\nCy,cy,,,A,\r\n",
            File.ReadAllText(Path.Combine(outDir, "canvas-import.csv")));
        Assert.Contains("  provisional, answers not graded by hand yet (cell left empty): Bob (bob)\n  no submission (cell left empty): Cy (cy)\n", run.Output);
        Assert.Equal(before, Hash(submissions));
    }

    const string Malformed = "{\"assignments\": {\"synthetic\": 3}}";

    /// <summary>The error of a course file that is not JSON of the course's shape: the file's name, then System.Text.Json's words.</summary>
    string MalformedCourse()
    {
        File.WriteAllText(Course, Malformed);
        var message = Assert.Throws<InvalidDataException>(() => CoursePolicies.For(Course, SyntheticAssignment.Name, null)).Message;
        Assert.StartsWith($"{Course} is not a course file: ", message);
        return message;
    }

    [Fact]
    public void EachKindOfBadInputIsOneLineNamingTheFileWithExitCodeOne()
    {
        var submissions = Folder("submissions", ("ann.ipynb", kit.Answered("a", "b")));
        var times = kit.Write("times.csv", "ID,Submitted\nann,2030-01-01T00:00:00+00:00\n");
        var badHeader = kit.Write("bad-header.csv", "student,points\nann,1\n");
        var stranger = kit.Write("stranger.csv", "student,question,points,comment\nann,essay,1,\nzed,essay,2,\n");
        var canvas = Folder("canvas", ("doejane_12345_900001_synthetic.ipynb", kit.Answered("a", "b")), ("notes.ipynb", "{}"));
        var canvasTwice = Folder("canvas-twice", ("doejane_12345_900001_synthetic.ipynb", "{}"), ("doejane_12345_900002_other.ipynb", "{}"));
        var plainTwice = Folder("plain-twice", ("ann.ipynb", "{}"), ("ann/synthetic.ipynb", "{}"));
        var released = kit.Assignment.Releases[0].Date!.Value;
        (string? CourseJson, string[] Args, string Error)[] cases =
        [
            (null, ["--submissions", submissions, "--manual", badHeader],
                $"{badHeader}: the header must be \"student,question,points,comment\", got \"student,points\"."),
            (null, ["--submissions", submissions, "--manual", stranger],
                $"{stranger} scores zed, who submitted nothing: check the student names against the submissions."),
            (Malformed, ["--submissions", submissions, "--times", times], MalformedCourse()),
            ("{\"assignments\": {\"synthetic\": {\"deadline\": \"2020-01-01T00:00:00+00:00\", \"penaltyPerDay\": 0.1, \"maxDaysLate\": 5}}}",
                ["--submissions", submissions, "--times", times],
                $"{Course}, assignment 'synthetic': the deadline 2020-01-01 00:00 +00:00 is before the release of {released:yyyy-MM-dd HH:mm zzz}."),
            (null, ["--submissions", canvas],
                $"{Path.Combine(canvas, "notes.ipynb")}: not a Canvas submission name (expected name_[late_]userid_attachmentid_file.ipynb)."),
            (null, ["--submissions", canvasTwice],
                $"Two submissions map to Canvas user 12345: {Path.Combine(canvasTwice, "doejane_12345_900001_synthetic.ipynb")} and {Path.Combine(canvasTwice, "doejane_12345_900002_other.ipynb")}."),
            (null, ["--submissions", plainTwice],
                $"Two submissions map to student 'ann' in {plainTwice}: {Path.Combine(plainTwice, "ann.ipynb")} and {Path.Combine(plainTwice, "ann", "synthetic.ipynb")}."),
        ];
        var before = Hash(Path.Combine(kit.Root, "canvas"));
        foreach (var (courseJson, args, error) in cases)
        {
            if (courseJson is null) File.Delete(Course);
            else File.WriteAllText(Course, courseJson);
            var run = Lectures(["grade", SyntheticAssignment.Name, .. args]);
            Assert.Equal((1, $"error: {error}\n"), (run.ExitCode, run.Output));
        }
        Assert.False(Directory.Exists(Path.Combine(kit.Root, "out", "grade")));
        Assert.Equal(before, Hash(Path.Combine(kit.Root, "canvas")));
    }
}
