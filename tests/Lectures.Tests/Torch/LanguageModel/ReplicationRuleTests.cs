using Lectures.TextTasks;
using Lectures.Torch.LanguageModel;

namespace Lectures.Tests.Torch.LanguageModel;

/// <summary>
/// The replication's rules on hand-made numbers: where the full SFT phase stops, how many steps the cheap phases take, which
/// inputs the cheap phase trains on (1%, uniform, seeded), and the benefit recovered with its 2 x std gate.
/// </summary>
public sealed class ReplicationRuleTests
{
    static readonly SftPlateauOptions Rule = new(Every: 50, MinImprovement: 0.01, Patience: 3, MaxSteps: 4000);

    [Fact]
    public void TheFullPhaseStopsAfterPatienceEvaluationsWithoutAnImprovementOfMoreThanDelta()
    {
        // Best so far: 2.0, 1.5 (< 2.0 - 0.01), then 1.495 is not < 1.5 - 0.01 = 1.49 (1 without), 1.4 is (best 1.4), then
        // 1.395, 1.392, 1.391 are not < 1.39: the third of them, evaluation 7, stops at 7 * 50 = 350 steps.
        Assert.Equal(350, SftPlateau.StepsFor(Rule, [2.0, 1.5, 1.495, 1.4, 1.395, 1.392, 1.391, 1.0]));
        // A loss that keeps falling by 0.02 per evaluation never stops before MaxSteps = 4000 = 80 evaluations.
        Assert.Equal(4000, SftPlateau.StepsFor(Rule, Enumerable.Range(0, 100).Select(i => 10 - 0.02 * i)));
        // A sequence that ends before the rule says stop gives 0.
        Assert.Equal(0, SftPlateau.StepsFor(Rule, [2.0, 1.5, 1.49]));
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => SftPlateau.StepsFor(Rule, [double.NaN])).Message);
        Assert.Contains("Patience >= 1", Assert.Throws<ArgumentException>(() => new SftPlateau(Rule with { Patience = 0 })).Message);
    }

    [Fact]
    public void TheCheapPhaseTakesTheCeilingOfEachFractionOfTheFullPhasesStepsAndOnePercentOfTheInputs()
    {
        var options = LanguageModelReplicationOptions.Standard;
        Assert.Equal(20, options.CheapInputs);
        // ceil(0.05 * 350) = 18, 0.1 * 350 = 35, 70, 140; at 300 steps the products are whole: 15, 30, 60, 120.
        Assert.Equal([18, 35, 70, 140], options.CheapSteps(350));
        Assert.Equal([15, 30, 60, 120], options.CheapSteps(300));
        // ceil(0.35) = 1, ceil(0.7) = 1, ceil(1.4) = 2, ceil(2.8) = 3; at least one step.
        Assert.Equal([1, 1, 2, 3], options.CheapSteps(7));
        Assert.Equal([1, 1, 1, 1], options.CheapSteps(1));
        Assert.Contains("(0, 1]", Assert.Throws<ArgumentException>(() => (options with { CheapStepFractions = [0.05, 1.5] }).Validate()).Message);
        Assert.Contains("distinct seeds", Assert.Throws<ArgumentException>(() => (options with { Seeds = [1, 1] }).Validate()).Message);
    }

    [Fact]
    public void TheCheapSampleIsTheFirstStepsOfASeededFisherYatesShuffle()
    {
        var train = Inputs(5);
        // By hand: order 0..4; swap 0 with Next(0, 5), then 1 with Next(1, 5).
        var random = new Random(7);
        var order = new[] { 0, 1, 2, 3, 4 };
        for (var i = 0; i < 2; i++)
        {
            var j = random.Next(i, 5);
            (order[i], order[j]) = (order[j], order[i]);
        }
        Assert.Equal(order[..2].Select(i => train[i]), LanguageModelReplicationExperiment.CheapSample(train, 2, seed: 7));
        string[] Sample(int seed) => [.. LanguageModelReplicationExperiment.CheapSample(Inputs(2000), 20, seed).Select(e => e.Example.Input)];
        Assert.Equal(Sample(3), Sample(3));
        Assert.NotEqual(Sample(3), Sample(4));
        Assert.Equal(20, Sample(3).Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => LanguageModelReplicationExperiment.CheapSample(train, 6, 0));
    }

    [Fact]
    public void TheCheapSampleIsUniformOverTheTrainingInputs()
    {
        // 5 of 50 inputs, 4000 seeds: each input is drawn 4000 * 5 / 50 = 400 times in expectation, std sqrt(4000 * 0.1 * 0.9) = 19.
        var train = Inputs(50);
        var counts = new int[50];
        for (var seed = 0; seed < 4000; seed++)
            foreach (var e in LanguageModelReplicationExperiment.CheapSample(train, 5, seed)) counts[int.Parse(e.Example.Input)]++;
        Assert.Equal(20000, counts.Sum());
        Assert.All(counts, c => Assert.InRange(c, 400 - 5 * 19, 400 + 5 * 19));
    }

    [Fact]
    public void TheBenefitRecoveredIsThePerSeedRatioShownOnlyWhereItsDenominatorExceedsTwiceItsStd()
    {
        // d = 0.2, 0.2, 0.26 (mean 0.22, std sqrt(0.0012) = 0.0346); b = 0.1 / 0.2, 0.05 / 0.2, 0.13 / 0.26 = 0.5, 0.25, 0.5.
        var shown = BenefitRecovered.Of([0.5, 0.52, 0.48], [0.7, 0.72, 0.74], [0.6, 0.57, 0.61]);
        Assert.Equal(0.22, shown.DenominatorMean, 12);
        Assert.Equal(Math.Sqrt(0.0012), shown.DenominatorStd, 12);
        Assert.Equal(5.0 / 12, shown.Mean, 12);
        Assert.Equal(Math.Sqrt((2 * Math.Pow(1.0 / 12, 2) + Math.Pow(2.0 / 12, 2)) / 2), shown.Std, 12);
        Assert.True(shown.Shown);
        Assert.Equal("0.42 ± 0.14", shown.ToString());
        // d = 0.05, -0.1, 0.2: mean 0.05, std 0.15; 0.05 <= 0.3, so the ratio is noise and is not shown.
        var hidden = BenefitRecovered.Of([0.5, 0.6, 0.4], [0.55, 0.5, 0.6], [0.5, 0.5, 0.5]);
        Assert.Equal((0.05, 0.15), (Math.Round(hidden.DenominatorMean, 12), Math.Round(hidden.DenominatorStd, 12)));
        Assert.False(hidden.Shown);
        Assert.Equal("—", hidden.ToString());
        Assert.Throws<ArgumentException>(() => BenefitRecovered.Of([0.5], [0.6, 0.7], [0.5]));
    }

    static readonly TextTask Increment = TextBenchmark.Task("increment");

    static TaskExample[] Inputs(int n) =>
        [.. Enumerable.Range(0, n).Select(i => new TaskExample(Increment, new TextExample(i.ToString(), (i + 1).ToString())))];
}
