using Lectures.Cli;

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
    [InlineData("finetune", "")]
    [InlineData("finetuning", "")]
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
}
