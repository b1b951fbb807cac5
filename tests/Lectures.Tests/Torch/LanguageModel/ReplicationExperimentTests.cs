using Lectures.Tests.Torch.Experiments;
using Lectures.TextTasks;
using Lectures.Torch.Experiments;
using Lectures.Torch.LanguageModel;

namespace Lectures.Tests.Torch.LanguageModel;

/// <summary>
/// The replication experiment: its Reduced run reproduces its golden journal and records what its rules give (the full
/// phase's steps from its own loss curve, the cheap phases' steps, the seeded 1% sample); two shards of a tiny grid merge
/// into the unsharded run; and its summary files hold the means, the benefit recovered and the 2 x std gate.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class ReplicationExperimentTests : TemporaryDirectoryTest
{
    static readonly ExperimentCase Case = ExperimentCase.All[LanguageModelReplicationExperiment.Name];

    static readonly LanguageModelReplicationOptions Tiny = LanguageModelReplicationOptions.Reduced() with
    {
        Seeds = [0, 1],
        Tasks = new TextTaskOptions(["translate", "increment"], TrainInputs: 40, TestInputs: 4),
        FullSft = new SftPlateauOptions(Every: 2, Patience: 1, MaxSteps: 4),
        Finetuning = new LanguageModelFinetuningOptions(Steps: 2, BatchSize: 4, SamplesPerInput: 2),
        TestSamples = 2,
    };

    [Fact]
    public void ReducedWritesTheGoldenJournal()
    {
        var (journal, _) = Case.Reduced();
        GoldenFiles.AssertEqual(("replication.jsonl", File.ReadAllText(Path.Combine(journal, "replication.jsonl"))),
            ("replication.settings", GoldenFiles.SettingLines(Path.Combine(journal, "replication.runs"))));
    }

    [Fact]
    public void TheReducedRunRecordsWhatItsRulesGive()
    {
        var options = LanguageModelReplicationExperiment.Reduced;
        var run = Assert.Single(((LanguageModelReplicationResults)Case.Reduced().Results).Runs);
        Assert.Equal(("translate", 0), (run.Task, run.Seed));
        Assert.Equal(run.FullSftSteps, SftPlateau.StepsFor(options.FullSft, run.FullSftLoss.Select(p => p.Loss)));
        Assert.Equal(Enumerable.Range(1, run.FullSftLoss.Count).Select(i => 20 * i), run.FullSftLoss.Select(p => p.Step));
        Assert.Equal(options.CheapSteps(run.FullSftSteps), run.CheapSftSteps);
        // Seed 0, task index 0: training inputs from seed 1, the cheap sample (1% of 300 = 3) from seed 4.
        var train = LanguageModelReplicationExperiment.TrainingInputs(TextBenchmark.Task("translate"), 300, 1);
        Assert.Equal(LanguageModelReplicationExperiment.CheapSample(train, 3, 4).Select(e => e.Example.Input), run.CheapInputs);
        Assert.All([run.PretrainedTestReward, run.RftTestReward, run.FullSftThenRftTestReward, .. run.CheapSftThenRftTestReward],
            v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public void TwoShardsOfATinyGridMergeIntoTheUnshardedRun()
    {
        var straight = Path.Combine(Root, "straight");
        var results = LanguageModelReplicationExperiment.Run(Tiny, journal: new JournalSettings(straight));
        Assert.Equal(["translate/0", "translate/1", "increment/0", "increment/1"], results.Runs.Select(r => $"{r.Task}/{r.Seed}"));
        var shards = Enumerable.Range(1, 2).Select(k =>
        {
            var directory = Path.Combine(Root, $"shard-{k}");
            Assert.Equal(2, LanguageModelReplicationExperiment.Run(Tiny, journal: new JournalSettings(directory, Shard: new Shard(k, 2))).Tally.Runs);
            return directory;
        }).ToList();
        var merged = Path.Combine(Root, "merged");
        Assert.Equal(4, RunJournal.Merge([shards[1], shards[0]], merged));
        foreach (var file in new[] { "replication.jsonl", "replication.runs" })
            Assert.Equal(File.ReadAllText(Path.Combine(straight, file)), File.ReadAllText(Path.Combine(merged, file)));
        var resumed = LanguageModelReplicationExperiment.Run(Tiny, journal: new JournalSettings(merged, Resume: true));
        Assert.Equal((4, 4), (resumed.Tally.Runs, resumed.Tally.RecordedEarlier));
        var expected = results.WriteCsv(straight);
        resumed.WriteCsv(merged);
        Assert.All(expected, path => Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(merged, Path.GetFileName(path)))));
    }

    [Fact]
    public void TheSummaryHoldsTheMeansTheBenefitRecoveredAndItsGate()
    {
        var options = LanguageModelReplicationOptions.Standard with { CheapStepFractions = [0.05, 0.4] };
        LanguageModelReplicationRun Run(string task, int seed, double rft, double full, double cheap5, double cheap40) =>
            new(task, seed, 100 + seed, [new SftLossPoint(100 + seed, 0.5)], ["a"], [5, 40], 0.3, rft, full, [cheap5, cheap40]);
        var results = new LanguageModelReplicationResults(options,
        [
            Run("increment", 0, 0.5, 0.7, 0.6, 0.7), Run("increment", 1, 0.52, 0.72, 0.57, 0.72), Run("increment", 2, 0.48, 0.74, 0.61, 0.74),
            Run("translate", 0, 0.5, 0.55, 0.5, 0.5), Run("translate", 1, 0.6, 0.5, 0.5, 0.5), Run("translate", 2, 0.4, 0.6, 0.5, 0.5),
        ], TimeSpan.FromSeconds(1));
        var rows = FullRuns.LanguageModel(results.WriteCsv(Root)[1]);
        Assert.Equal(["increment", "translate"], rows.Tasks);
        Assert.Equal(0.72, rows.Value("increment", "full_sft_then_rft_test_reward_mean"), 12);
        Assert.Equal(0.02, rows.Value("increment", "rft_test_reward_std"), 12);
        Assert.Equal([100, 101, 102], [.. Enumerable.Range(0, 3).Select(s => rows.Value("increment", $"full_sft_steps_seed_{s}"))]);
        // Per seed (0.1 / 0.2, 0.05 / 0.2, 0.13 / 0.26) = (0.5, 0.25, 0.5) at 5%; 1 at 40%; the benefit 0.22 ± 0.035 is shown.
        Assert.Equal(5.0 / 12, rows.Value("increment", "benefit_recovered_5_mean"), 12);
        Assert.Equal(1, rows.Value("increment", "benefit_recovered_40_mean"), 12);
        Assert.Equal((1, 0), (rows.Value("increment", "benefit_shown_5"), rows.Value("translate", "benefit_shown_5")));
        Assert.Equal((0.05, 0.15), (Math.Round(rows.Value("translate", "full_sft_benefit_mean"), 12), Math.Round(rows.Value("translate", "full_sft_benefit_std"), 12)));
        Assert.Equal(3, rows.Source.Seeds);
        var increment = results.Summary().Split('\n').Single(l => l.StartsWith("| increment", StringComparison.Ordinal));
        Assert.EndsWith("| 0.42 ± 0.14 | 1.00 ± 0.00 | 100, 101, 102 |", increment);
        Assert.EndsWith("| — | — | 100, 101, 102 |", results.Summary().Split('\n').Single(l => l.StartsWith("| translate", StringComparison.Ordinal)));
    }
}
