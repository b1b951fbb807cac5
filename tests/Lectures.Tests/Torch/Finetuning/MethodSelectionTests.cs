using Lectures.Torch.Experiments;
using Lectures.Finetuning;
using Lectures.Torch.Finetuning;

namespace Lectures.Tests.Torch.Finetuning;

public class MethodSelectionTests
{
    [Fact]
    public void MethodsOptionKeepsOnlyTheNamedMethodsInGridOrder()
    {
        var methods = FinetuningMethods.For(FinetuningOptions.Reduced);
        // 11 methods, then the 12 cells of the sweep but one, which is SFT then RFT itself.
        Assert.Equal(22, methods.All.Count);
        Assert.Equal(11, FinetuningMethods.For(FinetuningOptions.Reduced with { Methods = FinetuningOptions.Reduced.Methods.WithoutSweep() }).All.Count);
        var chosen = methods.Chosen([methods.SftThenRft.Name, methods.Rft.Name]);
        Assert.Equal([methods.Rft, methods.SftThenRft], chosen);
    }

    [Fact]
    public void UnknownMethodNameIsRejectedWithTheName()
    {
        var error = Assert.Throws<ArgumentException>(() => FinetuningMethods.For(FinetuningOptions.Reduced).Chosen(["RFT, lr x7"]));
        Assert.Contains("RFT, lr x7", error.Message);
    }

    [Fact]
    public void NamesAreBuiltFromThePhasesSoTheTwoExperimentsCheapFixesDiffer()
    {
        // Controlled, Full: budget 1500, SFT phase 500, cheap fix 1% for 5 steps at lr x0.1; LM: F = 60, SFT phase 20, 10% for 10 steps.
        var controlled = FinetuningMethods.For(FinetuningOptions.Standard);
        Assert.Equal(
        [
            "RFT (exact gradient)", "RFT (REINFORCE)", "SFT",
            "SFT for 500 steps, then RFT (exact gradient) for 1000 steps",
            "SFT on 1% for 5 steps, lr x0.1, then RFT (exact gradient) for 1495 steps",
            "RFT (exact gradient), lr x10", "RFT (exact gradient), lr x100",
            "RFT (exact gradient), temperature 2", "RFT (exact gradient), temperature 5",
            "RFT (exact gradient), entropy 0.01", "RFT (exact gradient), entropy 0.1",
        ], controlled.All.Take(11).Select(m => m.Name));
        var lm = LanguageModelMethodsOfTheDefaults();
        Assert.Equal(["SFT", "RFT (PPO)", "RFT (REINFORCE)", "SFT for 20 steps, then RFT (PPO) for 60 steps",
            "SFT on 10% for 10 steps, then RFT (PPO) for 60 steps"], lm);
        // Equal phases give equal names in both experiments; the step counts make "SFT then RFT" differ.
        Assert.Equal(new FinetuningMethod(MethodPhase.Sft(20), MethodPhase.Rft(60, RewardGradient.Ppo)).Name, lm[3]);
        Assert.NotEqual(controlled.SftThenRft.Name, lm[3]);
        Assert.True(controlled.Heuristics.All(h => h.IsHeuristic));
        Assert.False(controlled.CheapSftThenRft.IsHeuristic || controlled.Rft.IsHeuristic);
    }

    [Fact]
    public void TheSweepCrossesThreeUniformFractionsWithFourSharesOfTheSftPhaseAtTheBaseRate()
    {
        // Budget 1500, SFT phase 500: 5%, 20%, 40% and 100% of it are 25, 100, 200 and 500 steps; RFT takes the rest.
        var methods = FinetuningMethods.For(FinetuningOptions.Standard);
        Assert.Equal(
        [
            "SFT on a uniform 1% for 25 steps, then RFT (exact gradient) for 1475 steps",
            "SFT on a uniform 1% for 100 steps, then RFT (exact gradient) for 1400 steps",
            "SFT on a uniform 1% for 200 steps, then RFT (exact gradient) for 1300 steps",
            "SFT on a uniform 1% for 500 steps, then RFT (exact gradient) for 1000 steps",
            "SFT on a uniform 10% for 25 steps, then RFT (exact gradient) for 1475 steps",
            "SFT on a uniform 10% for 100 steps, then RFT (exact gradient) for 1400 steps",
            "SFT on a uniform 10% for 200 steps, then RFT (exact gradient) for 1300 steps",
            "SFT on a uniform 10% for 500 steps, then RFT (exact gradient) for 1000 steps",
            "SFT for 25 steps, then RFT (exact gradient) for 1475 steps",
            "SFT for 100 steps, then RFT (exact gradient) for 1400 steps",
            "SFT for 200 steps, then RFT (exact gradient) for 1300 steps",
            "SFT for 500 steps, then RFT (exact gradient) for 1000 steps",
        ], methods.Sweep.Select(s => s.Method.Name));
        Assert.Equal([25, 100, 200, 500], methods.Sweep.Take(4).Select(s => s.SftSteps));
        Assert.All(methods.Sweep, s => Assert.Equal((1.0, 1500), (s.Method.Phases[0].LearningRateScale, s.Method.TotalSteps)));
        Assert.All(methods.Sweep.Where(s => s.Fraction < 1), s => Assert.Equal(LabelledSample.Uniform, s.Method.Phases[0].Sample));
        // The last cell is SFT then RFT; the cheap control keeps its stratified sample and its tenth of the rate, so its name differs.
        Assert.Equal(methods.SftThenRft.Name, methods.Sweep[^1].Method.Name);
        Assert.Equal("SFT on 1% for 5 steps, lr x0.1, then RFT (exact gradient) for 1495 steps", methods.CheapSftThenRft.Name);
        Assert.Equal(LabelledSample.Stratified, methods.CheapSftThenRft.Phases[0].Sample);
        Assert.Equal(methods.All.Count, methods.All.Select(m => m.Name).Distinct().Count());
        // Shares round to the nearest step, at least one: 5% of an 800-step budget's 30-step phase is 2 steps (1.5 rounded to even).
        var small = FinetuningMethods.For(FinetuningOptions.Reduced with { Methods = new FinetuningMethodOptions { Steps = 800, SftPhaseSteps = 30 } });
        Assert.Equal([2, 6, 12, 30], small.Sweep.Take(4).Select(s => s.SftSteps));
    }

    [Fact]
    public void TheSweepRunsOnlyInTheCellsOfItsOptimisersAndRewardVariants()
    {
        // Standard: 11 methods everywhere, the 11 sweep methods besides SFT then RFT only with SGD and rewards -1:
        // per seed and relabelling rule 22 + 11 (SGD, 0.5) + 11 + 11 (Adam) = 55 runs, 330 in the grid.
        var options = FinetuningOptions.Standard;
        var methods = FinetuningMethods.For(options);
        var (sgd, adam) = (options.Grid.Optimizers[0], options.Grid.Optimizers[1]);
        Assert.Equal(22, methods.InCell(methods.All, options.Grid, sgd, -1).Count);
        Assert.Equal(11, methods.InCell(methods.All, options.Grid, sgd, 0.5).Count);
        Assert.Equal(methods.All.Take(11), methods.InCell(methods.All, options.Grid, adam, -1));
        Assert.Equal(330, options.Grid.Seeds.Count * options.Grid.Relabellings.Count
            * options.Grid.WrongRewardsOnModified.Sum(w => options.Grid.Optimizers.Sum(o => methods.InCell(methods.All, options.Grid, o, w).Count)));
    }

    [Fact]
    public void TheSweepPartRunsTheSweepWithSgdAndTheAdamArmsFitIn102Runs()
    {
        // Rewards -1, 2 relabelling rules, 3 seeds: SGD runs RFT, SFT and the sweep's 12 cells (14), Adam RFT, SFT and SFT then RFT (3).
        var part = FinetuningOptions.SweepPart;
        var methods = FinetuningMethods.For(part);
        var chosen = methods.Chosen(part.Methods.Chosen);
        Assert.Equal(14, methods.InCell(chosen, part.Grid, part.Grid.Optimizers[0], -1).Count);
        Assert.Equal([methods.Rft, methods.Sft, methods.SftThenRft], methods.InCell(chosen, part.Grid, part.Grid.Optimizers[1], -1));
        Assert.Equal(6 * 17, part.Grid.Seeds.Count * part.Grid.Relabellings.Count * part.Grid.Optimizers.Sum(o => methods.InCell(chosen, part.Grid, o, -1).Count));
        Assert.Equal(FinetuningOptions.Standard.Methods.Steps, part.Methods.Steps);
    }

    [Fact]
    public void ASweepBeyondTheBudgetOrOfAFractionOutsideZeroToOneIsRefused()
    {
        var reduced = FinetuningOptions.Reduced;
        var beyond = Assert.Throws<ArgumentException>(() => (reduced with { Methods = reduced.Methods with { SweepStepShares = [2.0] } }).Validate());
        Assert.Contains("s x 500 SFT steps within the budget of 800", beyond.Message);
        Assert.Throws<ArgumentException>(() => (reduced with { Methods = reduced.Methods with { SweepFractions = [0.0] } }).Validate());
        Assert.Throws<ArgumentException>(() => MethodPhase.Sft(5, 0.1, (LabelledSample)7));
    }

    [Fact]
    public void TheSweepIsASettingOnlyWhenItRunsSoFoldersRecordedBeforeItStillResume()
    {
        var reduced = FinetuningOptions.Reduced;
        Assert.Contains(("SweepFractions", "[0.01, 0.1, 1]"), reduced.Settings());
        Assert.Contains(("SweepStepShares", "[0.05, 0.2, 0.4, 1]"), reduced.Settings());
        var before = (reduced with { Methods = reduced.Methods.WithoutSweep() }).Settings();
        Assert.DoesNotContain(before, s => s.Name.StartsWith("Sweep", StringComparison.Ordinal));
        Assert.Contains(("SweepOptimizers", "[{Kind = Sgd, LearningRate = 0.5, Name = SGD lr 0.5}]"), reduced.Settings());
        Assert.Equal(reduced.Settings().Count - 4, before.Count);
    }

    [Fact]
    public void TodaysMethodsKnowTheirEarlierNames()
    {
        var methods = FinetuningMethods.For(FinetuningOptions.Standard);
        Assert.Equal("SFT then RFT", JournalMigrations.EarlierName(methods, methods.SftThenRft));
        Assert.Equal("1% SFT then RFT", JournalMigrations.EarlierName(methods, methods.CheapSftThenRft));
        Assert.Equal(["RFT, lr x10", "RFT, lr x100", "RFT, temperature 2", "RFT, temperature 5", "RFT, entropy 0.01", "RFT, entropy 0.1"],
            methods.Heuristics.Select(h => JournalMigrations.EarlierName(methods, h)));
        Assert.Equal("RFT (exact gradient)", JournalMigrations.EarlierName(methods, methods.Rft));
        Assert.Equal("RFT, entropy 0.1", JournalMigrations.EarlierName(methods, methods.Heuristics[^1]));
        Assert.Equal("SFT", JournalMigrations.EarlierName(methods, methods.Sft));
    }

    [Fact]
    public void PhaseValuesOutOfRangeAreRefused()
    {
        Assert.Throws<ArgumentException>(() => MethodPhase.Sft(5, fraction: 0));
        Assert.Throws<ArgumentException>(() => MethodPhase.Rft(-1));
        Assert.Throws<ArgumentException>(() => new FinetuningMethod());
    }

    static string[] LanguageModelMethodsOfTheDefaults()
    {
        var options = new Lectures.Torch.LanguageModel.LanguageModelOptions();
        return [.. Lectures.Torch.LanguageModel.LanguageModelMethods.For(options).Runs(options).Select(m => m.Name)];
    }
}
