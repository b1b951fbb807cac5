using Lectures.Cli.Commands;
using Lectures.Cli.Notebooks;

namespace Lectures.Tests.Cli.Commands;

/// <summary>`lectures build [--only 03,05] [--out DIR] [--screenshots 03,09] [--engine kit|dotnet-interactive]`, parsed.</summary>
public sealed class BuildCommandTests
{
    static BuildCommand.Settings Parse(params string[] args) => LecturesCommandLine.Parse<BuildCommand, BuildCommand.Settings>((c, r) => c.Read(r), ["build", .. args]);

    [Fact]
    public void WithoutOptionsEveryNotebookRunsOnTheKitsKernelIntoOut() =>
        Assert.Equivalent(new BuildCommand.Settings(null, null, null, NotebookEngine.Kit), Parse(), strict: true);

    [Fact]
    public void OnlyAndScreenshotsAreCommaSeparatedPrefixes()
    {
        var settings = Parse("--only", "03,05", "--out", "site", "--screenshots", "09, 12", "--engine", "dotnet-interactive");
        Assert.Equal(["03", "05"], settings.Only);
        Assert.Equal("site", settings.Out);
        Assert.Equal(["09", "12"], settings.Screenshots);
        Assert.Equal(NotebookEngine.DotnetInteractive, settings.Engine);
        Assert.Equal(NotebookEngine.Kit, Parse("--engine", "kit").Engine);
    }
}
