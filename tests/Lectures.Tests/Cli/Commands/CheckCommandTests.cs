namespace Lectures.Tests.Cli.Commands;

using Lectures.Cli.Kit;
using Lectures.Tests.Grading;

/// <summary>`lectures check NOTEBOOK`, run as the real command (a child process), from the student's own folder.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lectures-check-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private Shell.Result Lectures(params string[] args) =>
        Shell.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "Lectures.Cli.dll"), .. args], directory, TimeSpan.FromMinutes(2));

    [Fact]
    public void ItPrintsTheFeedbackTableAndTheHiddenTests()
    {
        var notebook = Path.Combine(directory, "mine.ipynb");
        File.WriteAllText(notebook, new GradingScratch().Solved(sumTo: "return n;"));

        var run = Lectures("check", notebook);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("**Score: 2 / 3**\n\n| Test | Points | Status |\n|---|---|---|\n| test-square | 2 / 2 | passed |\n| test-sum | 0 / 1 | failed |\n", run.Output);
        Assert.Contains("SumTo(10) should be 55, got 10.", run.Output);
        Assert.Contains("- hidden-sum (3 points)\n", run.Output);
        Assert.Equal(new[] { notebook }, Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public void ANotebookWithoutAReleaseIsOneErrorLine()
    {
        var notebook = Path.Combine(directory, "bare.ipynb");
        File.WriteAllText(notebook, NotebookEdits.WithoutRelease(new GradingScratch().Solved()));

        var run = Lectures("check", notebook);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: {notebook} names no assignment release in its metadata (grading.assignment, grading.release): check needs the notebook as your course released it.",
            run.Output.Trim());
    }
}
