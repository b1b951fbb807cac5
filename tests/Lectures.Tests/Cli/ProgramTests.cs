using Lectures.Cli;

namespace Lectures.Tests.Cli;

/// <summary>
/// The `lectures` entry point, run in process: a user error is one line "error: ..." on stderr with exit code 2 (a
/// wrong command line) or 1 (bad input), without a stack trace unless --verbose is given; --help prints the usage.
/// </summary>
public sealed class ProgramTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lectures-cli-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static (int ExitCode, string Output, string Error) Lectures(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Program.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void AUserErrorIsOneLineOnStderrWithAnExitCodeAndNoStackTrace()
    {
        var text = Path.Combine(directory, "graph.txt");
        File.WriteAllText(text, "0 1\n1 2\n");
        var missing = Path.Combine(directory, "missing.npz");
        var order = Path.Combine(directory, "order.tsv");
        // .NET's own words for a file that is not a zip archive, which the kit quotes.
        var notZip = Assert.Throws<InvalidDataException>(() => System.IO.Compression.ZipFile.OpenRead(text)).Message;
        (string[] Args, int ExitCode, string Error)[] cases =
        [
            (["experiment", "sparsify", "--dataset", text, "--out", Path.Combine(directory, "out")], 1,
                $"error: graph.txt: not a NumPy .npz archive (not a zip file: {notZip})."),
            (["order", missing, "--method", "1-wis", "--out", order], 1, $"error: {missing} does not exist."),
            (["experiment", "nope"], 2, "error: Unknown experiment 'nope'. Known: finetuning, interaction, language-model, replication, sparsification, merge."),
            (["order", missing, "--method", "1-wis", "--out", order, "--bogus", "1"], 2,
                "error: Unknown option(s): --bogus. Known: --method, --tie-rule, --seed, --out, --force."),
            (["experiment", "sparsify", "--step"], 2, "error: Option --step needs a value."),
            (["frobnicate"], 2, "error: Unknown command 'frobnicate': expected build, assign, grade, experiment, kernel, data or order (lectures --help)."),
        ];
        foreach (var (args, exitCode, message) in cases)
        {
            var run = Lectures(args);
            Assert.Equal(exitCode, run.ExitCode);
            Assert.Equal(message + Environment.NewLine, run.Error);
            Assert.DoesNotContain("   at ", run.Error);
        }
        Assert.False(Directory.Exists(Path.Combine(directory, "out")));
        Assert.False(File.Exists(order));
    }

    [Fact]
    public void VerboseAddsTheStackTraceAfterTheErrorLine()
    {
        var missing = Path.Combine(directory, "missing.npz");
        foreach (var args in new[] { new[] { "--verbose", "order", missing }, new[] { "order", missing, "--verbose" } })
        {
            var run = Lectures([.. args, "--method", "1-wis", "--out", Path.Combine(directory, "order.tsv")]);
            Assert.Equal(1, run.ExitCode);
            var lines = run.Error.Split(Environment.NewLine);
            Assert.Equal($"error: {missing} does not exist.", lines[0]);
            Assert.StartsWith($"System.IO.FileNotFoundException: {missing} does not exist.", lines[1]);
            Assert.Contains(lines, l => l.StartsWith("   at Lectures.Cli.Commands.OrderCommand.ReadGraph(", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("-h")]
    public void HelpPrintsTheUsageAndSucceeds(string help)
    {
        var run = Lectures(help);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.StartsWith("lectures: the Lectures kit command.", run.Output);
        Assert.Contains("  order FILE.npz --method M --out F", run.Output);
    }

    [Fact]
    public void ExperimentHelpListsTheExperimentsInsteadOfAskingForAValue()
    {
        var run = Lectures("experiment", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var lines = run.Output.Split('\n');
        Assert.StartsWith("lectures experiment NAME", lines[0]);
        Assert.Equal(["finetuning (finetune)", "interaction", "language-model (lm)", "replication", "sparsification (sparsify)"],
            lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim().Split("  ")[0]));
    }

    [Fact]
    public void NoArgumentsPrintTheUsageAndExitWithTheUsageCode()
    {
        var run = Lectures();
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("lectures: the Lectures kit command.", run.Output);
    }
}
