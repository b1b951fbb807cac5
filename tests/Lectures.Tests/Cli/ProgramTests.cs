using Lectures.Cli;

namespace Lectures.Tests.Cli;

/// <summary>
/// The `lectures` entry point, run in process: a user error is one line "error: ..." on stderr with exit code 2 (a
/// wrong command line) or 1 (bad input), without a stack trace unless --verbose is given; --help and -h print the
/// help System.CommandLine generates, on the root and on every command.
/// </summary>
public sealed class ProgramTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lectures-cli-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static (int ExitCode, string Output, string Error) Lectures(params string[] args) => LecturesCommandLine.Run(args);

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
            (["experiment", "nope"], 2, "error: Unknown experiment 'nope'. Known: finetuning, interaction, language-model, language-model-replication, sparsification, merge."),
            (["order", missing, "--method", "1-wis", "--out", order, "--bogus", "1"], 2,
                "error: Unknown option(s): --bogus. Known: --method, --tie-rule, --seed, --out, --force."),
            (["experiment", "sparsify", "--step"], 2, "error: Option --step needs a value."),
            (["frobnicate"], 2, "error: Unknown command 'frobnicate': expected build, assign, grade, check, experiment, kernel, data or order (lectures --help)."),
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
        Assert.StartsWith($"Description:{Environment.NewLine}  lectures: the Lectures kit command.", run.Output);
        Assert.Contains("  order <FILE.npz>  ", run.Output);
    }

    [Fact]
    public void ExperimentHelpListsTheExperimentsWithTheirEarlierNames()
    {
        var run = Lectures("experiment", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var commands = run.Output.Split(Environment.NewLine).SkipWhile(l => l != "Commands:").Skip(1).TakeWhile(l => l != "");
        Assert.Equal(["finetune, finetuning", "interaction", "language-model, lm", "language-model-replication, replication", "sparsification, sparsify", "merge <DIR>"],
            commands.Select(l => l.Trim().Split("  ")[0]));
    }

    [Fact]
    public void NoArgumentsPrintTheUsageAndExitWithTheUsageCode()
    {
        var run = Lectures();
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal(Lectures("--help").Output, run.Output);
    }

    /// <summary>Every command line of the kit: the root, each command and each subcommand.</summary>
    public static TheoryData<string> CommandLines()
    {
        var lines = new TheoryData<string>();
        void Add(System.CommandLine.Command command, string line)
        {
            lines.Add(line);
            foreach (var sub in command.Subcommands) Add(sub, (line + " " + sub.Name).Trim());
        }
        Add(Program.Commands(), "");
        return lines;
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void EveryCommandHasGeneratedHelpListingEachOptionOnce(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var command = words.Aggregate((System.CommandLine.Command)Program.Commands(), (parent, name) => parent.Subcommands.Single(c => c.Name == name));
        var help = Lectures([.. words, "--help"]);
        Assert.Equal((0, ""), (help.ExitCode, help.Error));
        Assert.Equal(help.Output, Lectures([.. words, "-h"]).Output);
        var optionLines = help.Output.Split(Environment.NewLine).SkipWhile(l => l != "Options:").Skip(1).TakeWhile(l => l != "").ToList();
        foreach (var option in command.Options.Select(o => o.Name).Union(["--verbose", "--help"]))
            Assert.Single(optionLines, l => l.TrimStart().Split("  ")[0].Split(", ").Select(name => name.Split(' ')[0]).Contains(option));
    }

    [Fact]
    public void AWrongCommandLineIsOneErrorLineWithTheUsageCode()
    {
        (string[] Args, string Error)[] cases =
        [
            (["frobnicate"], "Unknown command 'frobnicate': expected build, assign, grade, check, experiment, kernel, data or order (lectures --help)."),
            (["build", "--fast"], "Unknown option(s): --fast. Known: --only, --out, --screenshots, --engine."),
            (["build", "--out"], "Option --out needs a value."),
            (["experiment", "interaction", "--shard", "4/3"], "The shard '4/3' is malformed: expected K/N with 1 <= K <= N, e.g. 2/8."),
            (["experiment", "interaction", "--shard"], "Option --shard needs a value."),
            (["build", "--engine", "foo"], "Unknown engine 'foo': expected kit or dotnet-interactive."),
            (["order", "g.npz", "--method", "2-wis", "--tie-rule", "x", "--out", "o.tsv"], "Unknown tie rule 'x': expected smallest or largest."),
            (["order", "g.npz", "h.npz", "--method", "2-wis"], "Unrecognized command or argument 'h.npz'."),
            (["order", "--method", "2-wis"], "Required argument 'FILE.npz' missing for command: 'order'."),
            (["data", "extra"], "Unrecognized command or argument 'extra'."),
            (["--verbose", "frobnicate"], "Unknown command 'frobnicate': expected build, assign, grade, check, experiment, kernel, data or order (lectures --help)."),
        ];
        foreach (var (args, message) in cases)
            Assert.Equal((2, "", $"error: {message}{Environment.NewLine}"), Lectures(args));
    }
}
