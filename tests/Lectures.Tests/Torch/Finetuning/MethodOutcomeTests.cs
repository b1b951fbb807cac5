using Lectures.Finetuning;
using Lectures.Torch.Experiments;
using Lectures.Torch.Finetuning;

namespace Lectures.Tests.Torch.Finetuning;

/// <summary>
/// Where each method ends, over seeds (summary.csv, shipped as benchmarks/results/finetuning.csv): hand-made logs with
/// known means, sample stds and minima, written and read back by FullRuns; and the shipped full run's acceptance: the
/// Adam arm's SFT fits the relabelled inputs on every seed.
/// </summary>
public class MethodOutcomeTests : TemporaryDirectoryTest
{
    static readonly RunProvenance Provenance = new("2026-12-07", "0123456789abcdef0123456789abcdef01234567", "lectures experiment finetuning");
    static readonly FinetuningMethods Methods = FinetuningMethods.For(FinetuningOptions.Standard);
    const string Task = "random inputs relabelled, wrong -1";

    static IEnumerable<FinetuningRecord> Run(string method, int seed, int steps, (int Step, double Small, double All, double Accuracy)[] log) =>
        log.SelectMany(l => new[]
        {
            new FinetuningRecord(method, "SGD lr 0.5", Task, seed, l.Step, "SFT", FinetuningTrainer.SmallStdGroup, l.Small, l.Accuracy, 0, 0, 0, 0, 0),
            new FinetuningRecord(method, "SGD lr 0.5", Task, seed, l.Step, "SFT", FinetuningTrainer.AllGroup, l.All, 0.5, 0, 0, 0, 0, 0),
        });

    [Fact]
    public void OutcomesAreMeansStdsAndMinimaOverSeedsOfTheFinalStepAndReadBack()
    {
        // The sweep's 1%-for-25-steps method, two seeds: final small-std V 0.2 and 0.6 (mean 0.4, sample std sqrt(0.08) = 0.28284),
        // all inputs 0.9 and 0.7 (0.8, 0.14142); accuracy 0.96 and 0.90 (mean 0.93, min 0.90); at step 25, V -0.5 and -0.3 (-0.4).
        var cell = Methods.Sweep[0];
        Assert.Equal(25, cell.SftSteps);
        var records = Run(cell.Method.Name, 0, 1500, [(0, -1, -0.6, 0), (25, -0.5, 0.1, 0.2), (1500, 0.2, 0.9, 0.96)])
            .Concat(Run(cell.Method.Name, 1, 1500, [(0, -1, -0.6, 0), (25, -0.3, 0.2, 0.3), (1500, 0.6, 0.7, 0.90)])).ToList();
        var outcome = Assert.Single(MethodOutcome.From(records, Methods.All));
        Assert.Equal(2, outcome.Seeds);
        double[] expected = [0.4, Math.Sqrt(0.08), 0.8, Math.Sqrt(0.02), 0.93, 0.90, -0.4];
        double[] actual = [outcome.SmallStdRewardMean, outcome.SmallStdRewardStd, outcome.AllRewardMean, outcome.AllRewardStd,
            outcome.SmallStdAccuracyMean, outcome.SmallStdAccuracyMin, outcome.SmallStdRewardAfterFirstPhase];
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 12));
        var point = Assert.Single(Methods.SweepPoints([outcome], "SGD lr 0.5", Task, FinetuningTrainer.AllGroup));
        Assert.Equal((0.01, 25, 2), (point.Fraction, point.SftSteps, point.Seeds));
        Assert.Equal(0.8, point.Mean, 12);
        Assert.Equal(Math.Sqrt(0.02), point.StandardDeviation, 12);
        Assert.Throws<ArgumentException>(() => Methods.SweepPoints([outcome], "SGD lr 0.5", Task, FinetuningTrainer.LargeStdGroup));

        var path = Path.Combine(Root, "summary.csv");
        File.WriteAllLines(path, [MethodOutcome.SummaryHeader, .. outcome.CsvRows(Provenance)]);
        Assert.Equal(
            "2,2026-12-07,0123456789abcdef0123456789abcdef01234567,lectures experiment finetuning,SGD lr 0.5,\"random inputs relabelled, wrong -1\"," +
            "\"SFT on a uniform 1% for 25 steps, then RFT (exact gradient) for 1475 steps\",small_std_final_reward_mean,0.4",
            File.ReadLines(path).ElementAt(1));
        var read = FullRuns.Finetuning(path);
        // Round-trip numbers: the outcome reads back equal.
        Assert.Equal(outcome, read.Outcome("SGD lr 0.5", Task, cell.Method.Name));
        Assert.Equal((2, "2026-12-07"), (read.Source.Seeds, read.Source.Date));
        Assert.Contains("Adam lr 0.001", Assert.Throws<ArgumentException>(() => read.Outcome("Adam lr 0.001", Task, cell.Method.Name)).Message);
    }

    [Fact]
    public void OneMethodRanOnePhaseHasNoRewardAfterItsFirstPhaseAndOneSeedNoSpread()
    {
        var outcome = Assert.Single(MethodOutcome.From([.. Run(Methods.Sft.Name, 0, 1500, [(0, -1, -0.6, 0), (1500, 0.9, 0.95, 1)])], Methods.All));
        Assert.True(double.IsNaN(outcome.SmallStdRewardAfterFirstPhase));
        Assert.Equal((1, 0.0, 0.0), (outcome.Seeds, outcome.SmallStdRewardStd, outcome.AllRewardStd));
    }

    [Fact]
    public void AQuantityMissingFromTheFileIsNamed()
    {
        var error = Assert.Throws<InvalidDataException>(() => MethodOutcome.FromRows([("SGD lr 0.5", Task, "SFT", 3, "small_std_final_reward_mean", 0.9)]));
        Assert.Contains("has 0 rows of 'small_std_final_reward_std': expected 1", error.Message);
    }

    /// <summary>
    /// The shipped full run: with Adam at the grid's rate, SFT ends at 95% train accuracy or more on the relabelled
    /// inputs on every seed and task (at 1e-4 it ended at a mean reward of -0.577, so that arm compared nothing); and the
    /// sweep has its 12 cells on both tasks.
    /// </summary>
    [Fact]
    public void InTheShippedFullRunAdamsSftFitsTheRelabelledInputsOnEverySeed()
    {
        var full = FullRuns.Finetuning();
        var adam = FinetuningOptions.Standard.Grid.Optimizers.Single(o => o.Kind == OptimizerKind.Adam).Name;
        var sft = full.Outcomes.Where(o => o.Optimizer == adam && o.Method == Methods.Sft.Name).ToList();
        // The shipped run is the full grid: both relabelling rules, both reward variants.
        Assert.Equal(4, sft.Count);
        Assert.All(sft, o => Assert.True(o.SmallStdAccuracyMin >= 0.95, $"{o.Task}: lowest accuracy over seeds {o.SmallStdAccuracyMin:F3}"));
        var sgd = FinetuningOptions.Standard.Grid.Optimizers[0].Name;
        foreach (var task in new[] { Task, "whole classes relabelled, wrong -1" })
            Assert.Equal(12, Methods.SweepPoints(full.Outcomes, sgd, task, FinetuningTrainer.SmallStdGroup).Count(p => p.Seeds == 3));
    }
}
