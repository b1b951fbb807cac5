using Lectures.Finetuning;
using Lectures.Torch.Experiments;
using Lectures.Torch.Finetuning;

namespace Lectures.Tests.Torch.Finetuning;

public class FinetuningExperimentTests
{
    /// <summary>200 digits, MLP 64-32-10, 300 pretraining steps, 300 finetuning steps, one seed: a few seconds.</summary>
    static readonly FinetuningOptions Tiny = new()
    {
        Task = new LabelSetTaskOptions(TrainCount: 200),
        HiddenSizes = [32],
        Pretraining = new PretrainingOptions(300, 1e-2),
        Methods = new FinetuningMethodOptions { Steps = 300, SftPhaseSteps = 200, CheapSftSteps = 10 },
        Grid = new FinetuningGridOptions
        {
            Optimizers = [new OptimizerOptions(OptimizerKind.Sgd, 0.5)],
            Relabellings = [Relabelling.RandomInputs],
            WrongRewardsOnModified = [-1.0],
            Seeds = [0],
        },
        LogEvery = 50,
        SinglePrecision = false,
    };

    /// <summary><paramref name="options"/> running only the methods <paramref name="pick"/> chooses among its methods.</summary>
    static FinetuningOptions Chosen(FinetuningOptions options, Func<FinetuningMethods, FinetuningMethod[]> pick) =>
        options with { Methods = options.Methods with { Chosen = [.. pick(FinetuningMethods.For(options)).Select(m => m.Name)] } };

    static readonly Lazy<FinetuningResults> TinyResults = new(() => FinetuningExperiment.Run(Tiny));

    /// <summary>Tiny, with one whole class relabelled and the cheap fix on a 5% sample (10 inputs: one per class).</summary>
    static readonly FinetuningOptions TinyWholeClass = Chosen(Tiny with
    {
        Grid = Tiny.Grid with { Relabellings = [Relabelling.WholeClass] },
        Methods = Tiny.Methods with { CheapSftFraction = 0.05, CheapSftSteps = 5 },
    }, m => [m.Rft, m.SftThenRft, m.CheapSftThenRft]);

    [Fact]
    public void RftStallsOnSmallStdInputsWhileSftFitsThem()
    {
        var f = Assert.Single(TinyResults.Value.Findings);
        Assert.True(f.SmallInitialReward < -0.95, $"Modified inputs should start near reward -1, got {f.SmallInitialReward}.");
        Assert.True(f.RftToSftGainRatio < 0.25, $"RFT gained {f.RftToSftGainRatio:F3} of SFT's gain on the small-std group.");
        Assert.True(f.RftLargeFinalReward > 0.8, $"RFT should fit the large-std group, got {f.RftLargeFinalReward}.");
        Assert.True(f.SftLargeFinalReward > 0.5, $"SFT should fit the large-std group, got {f.SftLargeFinalReward}.");
        Assert.True(f.SftThenRftSmallFinalReward > f.RftSmallFinalReward + 0.2,
            $"SFT then RFT ({f.SftThenRftSmallFinalReward}) should beat RFT ({f.RftSmallFinalReward}) on the small-std group.");
        Assert.True(f.ModifiedSmallStdFractionBefore >= 0.75, $"Most modified inputs should start with small std, got {f.ModifiedSmallStdFractionBefore}.");
        Assert.True(f.ModifiedSmallStdFractionAfterSft < f.ModifiedSmallStdFractionBefore - 0.5,
            $"The SFT phase should lift most modified inputs out of small std ({f.ModifiedSmallStdFractionBefore} -> {f.ModifiedSmallStdFractionAfterSft}).");
        // Stuck = small std and wrong: at the start exactly the relabelled inputs (10% of 200), none after the SFT phase.
        Assert.InRange(f.StuckFractionBefore, 0.095, 0.105);
        Assert.True(f.StuckFractionAfterSft < 0.02, $"The SFT phase should leave almost no input stuck, got {f.StuckFractionAfterSft}.");
    }

    [Fact]
    public void AFewSftStepsOnAStratifiedSampleFixAWholeClassRelabelling()
    {
        var f = Assert.Single(FinetuningExperiment.Run(TinyWholeClass).Findings);
        Assert.Equal("whole classes relabelled, wrong -1", f.Task);
        Assert.True(f.SmallInitialReward < -0.95 && f.RftSmallFinalReward < f.SmallInitialReward + 0.1,
            $"RFT should stall on the relabelled class: {f.SmallInitialReward} -> {f.RftSmallFinalReward}.");
        Assert.True(f.SftThenRftSmallFinalReward > 0.8, $"SFT then RFT should fit the relabelled class, got {f.SftThenRftSmallFinalReward}.");
        Assert.True(f.CheapSftFractionOfFull > 0.8, $"The cheap fix recovered {f.CheapSftFractionOfFull:F3} of the full SFT phase's gain.");
        // RFT, not the 5 SFT steps, finishes the job: reward after the SFT phase is well below the final reward.
        Assert.True(f.CheapSmallRewardAfterSftPhase < f.CheapSmallFinalReward - 0.2,
            $"1% SFT phase reached {f.CheapSmallRewardAfterSftPhase:F3}, the run ended at {f.CheapSmallFinalReward:F3}.");
    }

    [Fact]
    public void LogsEveryGroupAtEveryLoggedStepAndWritesCsvAndReport()
    {
        var results = TinyResults.Value;
        var methods = FinetuningMethods.For(Tiny).All.Count;
        // Steps 0, 50, ..., 300 plus each phase start off that grid, for 3 groups each: the cheap fix's at 10 and the sweep's
        // at 5%, 20%, 40% of the 200-step SFT phase (10, 40, 80) for each of its 3 fractions (100% of it, 200, is logged anyway).
        Assert.Equal(22, methods);
        Assert.Equal(methods * 7 * 3 + (1 + 3 * 3) * 3, results.Records.Count);
        // Step 0 is the same pretrained model for every method.
        Assert.Single(results.Records.Where(r => r.Step == 0 && r.Group == "small-std").Select(r => r.MeanReward).Distinct());
        var dir = Directory.CreateTempSubdirectory("lectures-report-").FullName;
        try
        {
            ExperimentReport.Write(results, dir);
            var csv = File.ReadAllLines(Path.Combine(dir, "records.csv"));
            Assert.Equal(results.Records.Count + 1, csv.Length);
            Assert.StartsWith("method,optimizer,task,seed,step,phase,group,mean_reward", csv[0]);
            var html = File.ReadAllText(Path.Combine(dir, "report.html"));
            Assert.Contains("Mean reward of the small-std inputs", html);
            Assert.Contains("Heuristics: fraction of the small-std gap closed", html);
            Assert.Contains("SFT phase, then RFT", html);
            Assert.Equal(1 + methods * MethodOutcome.Quantities.Count, File.ReadAllLines(Path.Combine(dir, "summary.csv")).Length);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void TheAdamArmsSftFitsTheRelabelledInputsOnTheReducedSetting()
    {
        // The grid's Adam rate on the Reduced setting (800 steps): SFT predicts at least 95% of the relabelled inputs right
        // (at lr 1e-4 it ended at a mean reward of -0.577 on them after 1500 steps, so that arm compared nothing).
        var reduced = FinetuningOptions.Reduced;
        var adam = FinetuningOptions.Standard.Grid.Optimizers.Single(o => o.Kind == OptimizerKind.Adam);
        var sft = Assert.Single(FinetuningExperiment.Run(reduced with
        {
            Grid = reduced.Grid with { Optimizers = [adam] },
            Methods = reduced.Methods with { Chosen = [FinetuningMethods.For(reduced).Sft.Name] },
        }).Outcomes);
        Assert.Equal(("Adam lr 0.001", "SFT"), (sft.Optimizer, sft.Method));
        Assert.InRange(sft.SmallStdAccuracyMin, 0.95, 1);
    }

    [Fact]
    public void SameSeedSameNumbers()
    {
        FinetuningRun Once(int seed)
        {
            using var batch = ExactGradientTests.TinyBatch(out var model);
            using (model)
            {
                var method = new FinetuningMethod(MethodPhase.Sft(5, fraction: 0.5), MethodPhase.Rft(10, RewardGradient.Reinforce));
                return FinetuningTrainer.Run(model, batch, method, new PhaseObjectives(ReinforceSamples: 2, seed), new OptimizerOptions(OptimizerKind.Adam, 1e-2),
                    new RunLabel("m", "o", "r", seed));
            }
        }
        var a = Once(1);
        var b = Once(1);
        var c = Once(2);
        Assert.Equal(16 * 3, a.Records.Count);
        Assert.Equal(a.Records, b.Records);
        Assert.NotEqual(a.Records.Select(r => r.MeanReward), c.Records.Select(r => r.MeanReward));
    }

    [Fact]
    public void BadSettingsAreRejectedWithTheValue()
    {
        var e = Assert.Throws<ArgumentException>(() => FinetuningExperiment.Run(Tiny with { Task = Tiny.Task with { LabelSetSize = 11 } }));
        Assert.Contains("k = 11 is out of range: expected 1..10", e.Message);
        e = Assert.Throws<ArgumentException>(() => FinetuningExperiment.Run(Tiny with { Methods = Tiny.Methods with { SftPhaseSteps = 500 } }));
        Assert.Contains("Step budget 300 with SFT phases of 500", e.Message);
        e = Assert.Throws<ArgumentException>(() => FinetuningExperiment.Run(Tiny with { Task = Tiny.Task with { TrainCount = 1797 } }));
        Assert.Contains("TrainCount 1797 is too large", e.Message);
    }
}
