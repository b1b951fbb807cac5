using Lectures.Grading.Scoring;
using Lectures.Grading.Samples;

namespace Lectures.Tests.Grading.Sandbox;

public class SandboxTests
{
    [Fact]
    public void TheWrittenFilesScanListsLinksWithoutFollowingThem()
    {
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lectures-scan-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "sub", "deeper"));
            File.WriteAllText(Path.Combine(root, "sub", "deeper", "answer.txt"), "49");
            File.WriteAllText(Path.Combine(root, ".hidden"), "");
            File.CreateSymbolicLink(Path.Combine(root, "a"), ".");
            File.CreateSymbolicLink(Path.Combine(root, "b"), ".");
            Directory.CreateSymbolicLink(Path.Combine(root, "sub", "up"), "..");

            Assert.Equal(new[] { ".hidden", "a", "b", "sub", "sub/deeper", "sub/deeper/answer.txt", "sub/up" }, SandboxFiles.Scan(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void TheScanStopsAtItsBound()
    {
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lectures-scan-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            for (var i = 0; i < SandboxFiles.MaxEntries + 50; i++) File.WriteAllText(Path.Combine(root, $"f{i:0000}"), "");
            Assert.Equal(SandboxFiles.MaxEntries, SandboxFiles.Scan(root).Count);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void UnsandboxedGradingSaysSoOnEveryGrade()
    {
        var s = new GradingScratch();
        s.Submit("correct", s.Solved());
        s.Submit("broken", "{\"cells\": [");
        var limits = GradingLimits.Default with { Unsandboxed = true };

        var grades = Grader.Grade(s.Assignment, Submissions.Find(s.Submissions, SyntheticAssignment.Name), limits);

        Assert.Equal(new[] { "broken", "correct" }, grades.Select(g => g.Student));
        Assert.Equal(new double[] { 0, SyntheticAssignment.MaxPoints }, grades.Select(g => g.Points));
        Assert.All(grades, g => Assert.Equal(GradeStatus.Unsandboxed, g.Rows[^1].Status));
        Assert.All(grades, g => Assert.Equal("(notebook)", g.Rows[^1].Test));
        var feedback = GradeReport.Feedback(SyntheticAssignment.Name, grades[1]);
        Assert.Contains("(unsandboxed): Graded without the OS sandbox (--unsandboxed)", feedback);
    }

    [Fact]
    public void ACompileThatOutlastsTheNotebookLimitIsTooLargeAndNothingRuns()
    {
        // 150 cells (under the 200-cell bound) compile as a chain of 150 scripts: far longer than the 1 ms limit on any
        // machine (a limit of 0.5 s was met by a warm compiler on a quiet machine, so the test depended on load).
        var cells = Enumerable.Range(0, 150).Select(i => new SourceCell($"c{i}", $"var x{i} = {i} * 2;", Trusted: false)).ToList();
        var limits = new GradingLimits(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), 256, 1, Unsandboxed: true);

        var run = SubmissionRunner.Run(cells, limits);

        Assert.Equal(150, run.Outcomes.Count);
        Assert.All(run.Outcomes.Values, o => Assert.Equal(GradeStatus.TooLarge, o.Status));
        Assert.Equal("Compiling the notebook took longer than its time limit (0.001 s); none of it runs.", run.Outcomes["c0"].Message);
        Assert.Empty(run.Output);
    }
}
