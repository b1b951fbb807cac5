using Lectures.Torch.Experiments;
using Lectures.Torch.Interactions;

namespace Lectures.Tests.Torch.Experiments;

/// <summary>
/// Grids split over machines: shard K/N runs a contiguous block of the grid, <see cref="RunJournal.Merge"/> joins the
/// shards' run folders into the folder of an unsharded run, and refuses shards that do not belong together.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class ShardTests : TemporaryDirectoryTest
{
    [Fact]
    public void ShardsAreContiguousBlocksCoveringTheGridOnce()
    {
        // 10 runs in 3 shards: floor(k 10 / 3) = 0, 3, 6, 10.
        Assert.Equal([(0, 3), (3, 6), (6, 10)], Enumerable.Range(1, 3).Select(k => new Shard(k, 3).Range(10)));
        Assert.Equal(new Shard(2, 8), Shard.Parse("2/8"));
        Assert.Equal("2/8", new Shard(2, 8).ToString());
        foreach (var bad in new[] { "0/3", "4/3", "3", "a/b", "1/0", "-1/2" })
            Assert.Contains($"'{bad}' is malformed", Assert.Throws<ArgumentException>(() => Shard.Parse(bad)).Message);
        var e = Assert.Throws<ArgumentException>(() => RunJournal.Open(new JournalSettings(Root, Shard: new Shard(1, 3)), "r.csv", "x", [], total: 2));
        // 2 runs in 3 shards: floor(k 2 / 3) = 0, 0, 1, 2, so shard 1/3 is empty.
        Assert.Contains("Shard 1/3 of a grid of 2 runs has no runs", e.Message);
    }

    [Fact]
    public void ThreeShardsOfTheReducedInteractionGridMergeIntoTheUnshardedRun()
    {
        var experiment = ExperimentCase.All[InteractionExperiment.Name];
        var (straight, results) = experiment.Reduced();
        var shards = Enumerable.Range(1, 3).Select(k =>
        {
            var directory = Path.Combine(Root, $"shard-{k}");
            var share = experiment.RunReduced(null, new JournalSettings(directory, Shard: new Shard(k, 3)));
            Assert.Equal(2, share.Tally.Runs);
            return directory;
        }).ToList();
        Assert.Contains("shard\t2/3", File.ReadAllLines(Path.Combine(shards[1], experiment.RunsFile)));

        var merged = Path.Combine(Root, "merged");
        Assert.Equal(6, RunJournal.Merge([shards[2], shards[0], shards[1]], merged));
        foreach (var file in new[] { experiment.JournalFile, experiment.RunsFile })
            Assert.Equal(File.ReadAllText(Path.Combine(straight, file)), File.ReadAllText(Path.Combine(merged, file)));

        // Resuming the merged folder runs nothing and gives the unsharded run's CSV files.
        var resumed = experiment.RunReduced(null, new JournalSettings(merged, Resume: true));
        Assert.Equal((6, 6), (resumed.Tally.Runs, resumed.Tally.RecordedEarlier));
        var expected = results.WriteCsv(Path.Combine(Root, "straight"));
        resumed.WriteCsv(merged);
        Assert.All(expected, path => Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(merged, Path.GetFileName(path)))));
    }

    [Fact]
    public void MergingRefusesShardsThatDoNotBelongTogether()
    {
        string Shard(string name, string shard, string seeds, bool complete = true, int run = 0)
        {
            var directory = Path.Combine(Root, name);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "r.csv"), $"x\n{run}\n");
            File.WriteAllText(Path.Combine(directory, "r.runs"),
                $"# header\nsetting\tSeeds\t{seeds}\nsetting\tSteps\t5\nshard\t{shard}\nrun\tk{run}\t1\t\n{(complete ? "complete\n" : "")}");
            return directory;
        }
        string Refusal(params string[] shards) =>
            Assert.Throws<InvalidDataException>(() => RunJournal.Merge(shards, Path.Combine(Root, "out-" + Guid.NewGuid().ToString("N")))).Message;

        var one = Shard("one", "1/2", "[0, 1]");
        Assert.Contains($"Seeds: [0, 1] in {one}, [0] in {Path.Combine(Root, "other")}", Refusal(one, Shard("other", "2/2", "[0]", run: 1)));
        Assert.Contains("shard 2/3 missing", Refusal(Shard("a", "1/3", "[0, 1]"), Shard("c", "3/3", "[0, 1]", run: 2)));
        Assert.Contains("shard 1/2 is given twice", Refusal(one, Shard("again", "1/2", "[0, 1]")));
        Assert.Contains("is not finished", Refusal(one, Shard("unfinished", "2/2", "[0, 1]", complete: false, run: 1)));

        var merged = Path.Combine(Root, "merged");
        Assert.Equal(2, RunJournal.Merge([Shard("two", "2/2", "[0, 1]", run: 1), one], merged));
        Assert.Equal("x\n0\n1\n", File.ReadAllText(Path.Combine(merged, "r.csv")));
        Assert.Equal("# header\nsetting\tSeeds\t[0, 1]\nsetting\tSteps\t5\nrun\tk0\t1\t\nrun\tk1\t1\t\ncomplete\n", File.ReadAllText(Path.Combine(merged, "r.runs")));
        Assert.Contains("already holds files", Assert.Throws<IOException>(() => RunJournal.Merge([one], merged)).Message);
    }

    [Fact]
    public void AShardResumesOnlyAsTheSameShard()
    {
        RunJournal.Open(new JournalSettings(Root, Shard: new Shard(1, 2)), "r.csv", "x", [("Seeds", "[0]")], total: 4).Run("a", "a", () => new RecordedRun(["1"], ""));
        var e = Assert.Throws<InvalidOperationException>(() =>
            RunJournal.Open(new JournalSettings(Root, Resume: true, Shard: new Shard(2, 2)), "r.csv", "x", [("Seeds", "[0]")], total: 4));
        Assert.Contains("shard: 1/2 recorded, 2/2 now", e.Message);
    }
}
