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
        Assert.Equal(11, methods.All.Count);
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
        ], controlled.All.Select(m => m.Name));
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
