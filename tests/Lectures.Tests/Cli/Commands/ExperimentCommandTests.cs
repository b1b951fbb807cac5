using Lectures.Cli;
using Lectures.Cli.Commands;
using Lectures.Tests.Torch.Experiments;
using Lectures.Torch.Experiments;
using Lectures.Torch.Finetuning;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Interactions;
using Lectures.Torch.LanguageModel;
using Lectures.Torch.Sparsification;

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
    [InlineData("replication", "")]
    [InlineData("language-model-replication", "")]
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

    static ExperimentCommand.Settings Parse(params string[] args) =>
        LecturesCommandLine.Parse<ExperimentCommand, ExperimentCommand.Settings>((c, r) => c.Read(r), ["experiment", .. args]);

    [Fact]
    public void AnExperimentLineParsesIntoItsStandardSettingChangedByItsOptions()
    {
        Assert.Equal(new ExperimentCommand.Settings("interaction", null, null, new Shard(2, 3), InteractionOptions.Standard, ""),
            Parse("interaction", "--shard", "2/3"));
        // An earlier name stays the line's name: it names the default folder, out/experiments/finetune as before.
        // The finetuning and language-model settings hold lists: compared member by member.
        Assert.Equivalent(new ExperimentCommand.Settings("finetune", "runs", "runs", null, FinetuningOptions.Standard, ""),
            Parse("finetune", "--out", "runs", "--resume", "runs"), strict: true);
        Assert.Equivalent(new ExperimentCommand.Settings("lm", null, "stopped", null, LanguageModelOptions.Standard with { Seed = 3 }, " --seed 3"),
            Parse("lm", "--resume", "stopped", "--seed", "3"), strict: true);
        Assert.Equal(3, Assert.IsType<LanguageModelOptions>(Parse("lm", "--seed", "3").Options).Seed);
        Assert.Equivalent(FinetuningOptions.SweepPart, Parse("finetuning", "--part", "sweep").Options, strict: true);

        var sparsify = Parse("sparsify", "--dataset", "citation-like", "--model", "GIN", "--step", "5");
        Assert.Equal(("sparsify", " --dataset citation-like --model GIN --step 5"), (sparsify.Experiment, sparsify.Arguments));
        var grid = Assert.IsType<SparsificationOptions>(sparsify.Options);
        Assert.Equal(("citation-like", GnnArchitecture.Gin, 5.0), (grid.Dataset, grid.Model.Architecture, grid.StepPercent));
        var standard = Assert.IsType<SparsificationOptions>(Parse("sparsification").Options);
        Assert.Equal(("cora", GnnArchitecture.Gcn, 10.0), (standard.Dataset, standard.Model.Architecture, standard.StepPercent));
    }

    [Fact]
    public void BadSettingsAreAWrongCommandLine()
    {
        Assert.Equal((2, "error: Unknown model 'mlp': expected gcn, gin or resgcn."), Lectures("experiment", "sparsify", "--model", "mlp"));
        Assert.Equal((2, "error: Option --step expects a whole number, got 'ten'."), Lectures("experiment", "sparsify", "--step", "ten"));
        Assert.Equal((2, "error: Part 'all' of the finetuning experiment is unknown: expected 'sweep' (or no --part for the full grid)."),
            Lectures("experiment", "finetuning", "--part", "all"));
        Assert.Equal((2, "error: --resume a and --out b name different directories: give one of them."), Lectures("experiment", "lm", "--resume", "a", "--out", "b"));
        Assert.Equal((2, "error: Name an experiment: finetuning, interaction, language-model, language-model-replication, sparsification."), Lectures("experiment"));
    }

    [Fact]
    public void MergeRefusesTheSettingsOfAnotherExperiment()
    {
        var shard = Directory.CreateDirectory(Path.Combine(Root, "shard-1")).FullName;
        File.WriteAllText(Path.Combine(shard, "interaction.runs"), "");
        Assert.Equal((2, "error: Unknown option(s): --seed. Known: --out."), Lectures("experiment", "merge", shard, "--seed", "3", "--out", Path.Combine(Root, "merged")));
        Assert.False(Directory.Exists(Path.Combine(Root, "merged")));
    }
}
