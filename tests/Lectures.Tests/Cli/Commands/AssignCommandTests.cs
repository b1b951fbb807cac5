using Lectures.Cli.Commands;

namespace Lectures.Tests.Cli.Commands;

/// <summary>`lectures assign release NAME [--out DIR]`, parsed, and its wrong lines.</summary>
public sealed class AssignCommandTests
{
    static AssignCommand.Settings Parse(params string[] args) => LecturesCommandLine.Parse<AssignCommand, AssignCommand.Settings>((c, r) => c.Read(r), args);

    [Fact]
    public void ReleaseTakesTheAssignmentAndAnOptionalOutputFolder()
    {
        Assert.Equal(new AssignCommand.Settings("walk-index", null), Parse("assign", "release", "walk-index"));
        Assert.Equal(new AssignCommand.Settings("walk-index", "handout"), Parse("assign", "release", "walk-index", "--out", "handout"));
    }

    [Theory]
    [InlineData("assign")]
    [InlineData("assign", "publish", "walk-index")]
    public void AnythingButReleaseGetsTheUsage(params string[] args) =>
        Assert.Equal((2, "", $"error: Usage: lectures assign release NAME [--out DIR] (NAME is a folder under assignments/).{Environment.NewLine}"),
            LecturesCommandLine.Run(args));
}
