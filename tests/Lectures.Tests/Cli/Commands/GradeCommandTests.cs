using Lectures.Cli.Commands;

namespace Lectures.Tests.Cli.Commands;

/// <summary>`lectures grade NAME --submissions DIR [...]`, parsed, and the options that must come together.</summary>
public sealed class GradeCommandTests
{
    static GradeCommand.Settings Parse(params string[] args) => LecturesCommandLine.Parse<GradeCommand, GradeCommand.Settings>((c, r) => c.Read(r), ["grade", .. args]);

    [Fact]
    public void WithoutLimitsTheDefaultLimitsApply() =>
        Assert.Equal(new GradeCommand.Settings("walk-index", "subs", null, GradingLimits.Default, false, null, null, null, null, null),
            Parse("walk-index", "--submissions", "subs"));

    [Fact]
    public void EveryOptionLandsInItsSetting()
    {
        var settings = Parse("walk-index", "--submissions", "subs", "--out", "graded", "--cell-timeout", "5", "--notebook-timeout", "60",
            "--memory-mb", "256", "--parallel", "1", "--unsandboxed", "--similarity", "--times", "times.csv", "--extensions", "ext.csv",
            "--export", "moodle", "--roster", "roster.csv", "--manual", "scores.csv");
        Assert.Equal(new GradeCommand.Settings("walk-index", "subs", "graded",
            new GradingLimits(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), 256, 1, Unsandboxed: true), true,
            "times.csv", "ext.csv", "moodle", "roster.csv", "scores.csv"), settings);
    }

    [Theory]
    [InlineData("error: --export canvas|moodle and --roster FILE (the gradebook the LMS exported) go together.", "--export", "canvas")]
    [InlineData("error: --export canvas|moodle and --roster FILE (the gradebook the LMS exported) go together.", "--roster", "r.csv")]
    [InlineData("error: --export canvas|moodle and --roster FILE (the gradebook the LMS exported) go together.", "--export", "blackboard", "--roster", "r.csv")]
    [InlineData("error: --extensions needs --times FILE (the submission times the LMS exported).", "--extensions", "ext.csv")]
    [InlineData("error: lectures grade needs --submissions DIR, the folder of submitted notebooks.")]
    [InlineData("error: Option --parallel expects a whole number, got 'two'.", "--parallel", "two")]
    public void OptionsThatDoNotGoTogetherAreAWrongCommandLine(string error, params string[] options)
    {
        string[] submissions = error.Contains("--submissions DIR") ? [] : ["--submissions", "subs"];
        Assert.Equal((2, "", error + Environment.NewLine), LecturesCommandLine.Run(["grade", "walk-index", .. submissions, .. options]));
    }
}
