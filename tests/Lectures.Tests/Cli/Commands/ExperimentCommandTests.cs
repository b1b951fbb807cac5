using Lectures.Cli;
using Lectures.Tests.Torch.Experiments;

namespace Lectures.Tests.Cli.Commands;

/// <summary>
/// `lectures experiment`: every experiment answers to its type's name and to the name it had before (sparsify,
/// finetune, lm), --shard and merge are checked before anything runs, and the errors keep their exit codes.
/// </summary>
public sealed class ExperimentCommandTests : TemporaryDirectoryTest
{
    static (int ExitCode, string Error) Lectures(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Program.Run(args, output, error);
        return (exitCode, error.ToString().Trim());
    }

    [Theory]
    [InlineData("sparsify", "--dataset, --model, --step")]
    [InlineData("sparsification", "--dataset, --model, --step")]
    [InlineData("finetune", "--part")]
    [InlineData("finetuning", "--part")]
    [InlineData("lm", "--seed")]
    [InlineData("language-model", "--seed")]
    [InlineData("interaction", "")]
    public void EachExperimentAnswersToItsNameAndItsEarlierName(string name, string settings)
    {
        // An unknown option is refused before anything runs, naming the options the experiment accepts.
        var known = "--out, --resume, --shard" + (settings == "" ? "" : ", " + settings);
        Assert.Equal((2, $"error: Unknown option(s): --bogus. Known: {known}."), Lectures("experiment", name, "--bogus", "1", "--out", Path.Combine(Root, "out")));
    }

    [Fact]
    public void AMalformedShardOrMergeIsAOneLineError()
    {
        Assert.Equal((2, "error: The shard '4/3' is malformed: expected K/N with 1 <= K <= N, e.g. 2/8."),
            Lectures("experiment", "interaction", "--shard", "4/3"));
        Assert.Equal((2, "error: Name the shards' directories to merge: lectures experiment merge DIR... [--out DIR]."),
            Lectures("experiment", "merge"));
        var empty = Directory.CreateDirectory(Path.Combine(Root, "empty")).FullName;
        Assert.Equal((1, $"error: {empty} holds no experiment's .runs file."), Lectures("experiment", "merge", empty));
    }

    [Fact]
    public void MergeJoinsTheShardsThenRefusesToReportWhenTheSettingsAreNotTheCommandLines()
    {
        // Two finished interaction shards recorded with the Reduced settings (batch 64): merge joins them, and the report
        // of the command line's Standard setting (batch 128) is refused, naming the difference.
        var settings = string.Concat(File.ReadAllLines(Path.Combine(GoldenFiles.Directory, "interaction.runs"))
            .TakeWhile(l => !l.StartsWith("run\t", StringComparison.Ordinal)).Select(l => l + "\n"));
        string Shard(int k)
        {
            var directory = Directory.CreateDirectory(Path.Combine(Root, $"shard-{k}")).FullName;
            File.WriteAllText(Path.Combine(directory, "interaction.csv"), $"header\nrow {k}\n");
            File.WriteAllText(Path.Combine(directory, "interaction.runs"), $"{settings}shard\t{k}/2\nrun\trun {k}\t1\t\ncomplete\n");
            return directory;
        }
        var merged = Path.Combine(Root, "merged");
        var (exitCode, error) = Lectures("experiment", "merge", Shard(1), Shard(2), "--out", merged);
        Assert.Equal(1, exitCode);
        Assert.StartsWith($"error: Cannot resume the runs in {merged}: they were made with other settings.", error);
        Assert.Contains("BatchSize: 64 recorded, 128 now", error);
        Assert.Equal("header\nrow 1\nrow 2\n", File.ReadAllText(Path.Combine(merged, "interaction.csv")));
    }
}
