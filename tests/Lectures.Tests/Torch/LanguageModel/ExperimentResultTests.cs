using Lectures.Torch.Experiments;
using Lectures.Torch.LanguageModel;

namespace Lectures.Tests.Torch.LanguageModel;

public class ExperimentResultTests
{
    internal static readonly LanguageModelRunNames Names = LanguageModelMethods.For(new LanguageModelOptions()).Names;

    static MethodRun Run(string name, double testReward, double[] finalReward) =>
        new(name, [], finalReward, new double[finalReward.Length], testReward, [new ProbePoint(10, "SFT", 0.5, 0.2, 0.25, 0.25)]);

    internal static LanguageModelRun Outcome(string task, double[] initialReward, double[] initialStd, double sft, double rft) =>
        new(task, 0.5, ["a", "b", "c", "d"], initialReward, initialStd, InitialTestReward: 0.4,
            new Dictionary<string, MethodRun>
            {
                [Names.Sft] = Run(Names.Sft, sft, [0.9, 1.0, 0.8, 0.9]),
                [Names.Rft] = Run(Names.Rft, rft, [0.1, 1.0, 0.3, 0.9]),
                [Names.SftThenRft] = Run(Names.SftThenRft, 0.9, [1, 1, 1, 1]),
                [Names.CheapSftThenRft] = Run(Names.CheapSftThenRft, 0.8, [1, 1, 1, 1]),
            }, StdThreshold: 0.05, LowReward: 0.5, Names);

    [Fact]
    public void LanguageModelRunFractionsGainsAndRecoveryMatchHandComputation()
    {
        // STD (0.01, 0.3, 0.02, 0.2): two of four below 0.05; both have V < 0.5 (0.1, 0.2) -> 0.5 and 0.5.
        // RFT gain 0.6 - 0.4 = 0.2 over SFT gain 0.8 - 0.4 = 0.4 -> 0.5; cheap SFT recovers (0.8 - 0.4) / (0.9 - 0.4) = 0.8
        // of the full gain and (0.8 - 0.6) / (0.9 - 0.6) = 2/3 of the benefit over RFT.
        var t = Outcome("x", [0.1, 0.9, 0.2, 0.5], [0.01, 0.3, 0.02, 0.2], sft: 0.8, rft: 0.6);
        Assert.Equal(0.5, t.FractionSmallStd, 12);
        Assert.Equal(0.5, t.FractionSmallStdLowReward, 12);
        Assert.Equal(0.5, t.RftGainRelativeToSft, 12);
        Assert.Equal(0.8, t.CheapSftRecovery, 12);
        Assert.Equal(2.0 / 3, t.CheapSftBenefitRecovery, 12);
        Assert.Equal(0.25, t.FractionSmallStdAfterSftPhase, 12);
    }

    [Fact]
    public void FindingsAcrossTasksUseSpearmanAndBinnedMeans()
    {
        // Three tasks whose small-std fraction rises (0, 0.25, 0.5) while RFT/SFT falls (1, 0.75, 0.5): Spearman = -1.
        var none = Outcome("none", [0.5, 0.5, 0.5, 0.5], [0.3, 0.3, 0.3, 0.3], sft: 0.8, rft: 0.8);
        var some = Outcome("some", [0.1, 0.5, 0.5, 0.5], [0.01, 0.3, 0.3, 0.3], sft: 0.8, rft: 0.7);
        var many = Outcome("many", [0.1, 0.9, 0.2, 0.5], [0.01, 0.3, 0.02, 0.2], sft: 0.8, rft: 0.6);
        var result = new LanguageModelResults(new LanguageModelOptions(), 0, [none, some, many], TimeSpan.Zero);
        Assert.Equal(-1.0, result.SpearmanSmallStdVersusRelativeGain, 12);
        // RFT improvements in bin [0, 0.05): the two inputs with STD 0.01 (V 0.1 -> 0.1: 0) and the one with 0.02 (V 0.2 -> 0.3: 0.1).
        var bins = result.ImprovementByInitialStd(Names.Rft);
        Assert.Equal(3, bins[0].Count);
        Assert.Equal(0.1 / 3, bins[0].Mean, 12);
        Assert.Equal(0, bins[1].Count);
        Assert.True(double.IsNaN(bins[1].Mean));
        Assert.Equal(12, bins.Sum(b => b.Count));
    }
}

public class ExperimentResultPartialRunTests
{
    static readonly LanguageModelRunNames Names = ExperimentResultTests.Names;

    [Fact]
    public void ImprovementIsFinalMinusInitialRewardPerInput()
    {
        var t = new LanguageModelRun("x", 0.5, ["a", "b"], [0.25, 0.5], [0.01, 0.3], InitialTestReward: 0.4,
            new Dictionary<string, MethodRun> { [Names.Rft] = new(Names.Rft, [], [1.0, 0.75], [0, 0], 0.7, []) },
            StdThreshold: 0.05, LowReward: 0.5, ExperimentResultTests.Names);
        Assert.Equal([0.75, 0.25], t.Improvement(Names.Rft));
        // Without the SFT-phase runs their figures are NaN, not an exception; RFT's gain is still 0.7 - 0.4.
        Assert.True(double.IsNaN(t.FractionSmallStdAfterSftPhase) && double.IsNaN(t.CheapSftRecovery) && double.IsNaN(t.Gain(Names.Sft)));
        Assert.Equal(0.3, t.Gain(Names.Rft), 12);
    }
}

public class ExperimentSummaryFileTests : TemporaryDirectoryTest
{
    [Fact]
    public void SummaryCsvHoldsEveryTaskColumnAndThePooledBinsWithProvenanceAndReadsBack()
    {
        // The task of LanguageModelRunFractionsGainsAndRecoveryMatchHandComputation: RFT/SFT 0.5, cheap recovery 0.8, benefit 2/3.
        // Bin [0, 0.05) holds the inputs with STD 0.01 and 0.02: RFT improves them 0.1 - 0.1 = 0 and 0.3 - 0.2 = 0.1
        // (mean 0.05), SFT 0.9 - 0.1 = 0.8 and 0.8 - 0.2 = 0.6 (mean 0.7).
        var task = ExperimentResultTests.Outcome("many", [0.1, 0.9, 0.2, 0.5], [0.01, 0.3, 0.02, 0.2], sft: 0.8, rft: 0.6);
        var provenance = new RunProvenance("2026-12-07", "0123456789abcdef0123456789abcdef01234567", "lectures experiment lm");
        var result = new LanguageModelResults(new LanguageModelOptions(), 0, [task], TimeSpan.Zero) { Provenance = provenance };
        var summary = result.WriteCsv(Root)[^1];
        Assert.Equal(Path.Combine(Root, LanguageModelResults.SummaryFileName), summary);
        Assert.StartsWith(LanguageModelResults.SummaryHeader + "\n" +
            "1,2026-12-07,0123456789abcdef0123456789abcdef01234567,lectures experiment lm,many,unfamiliar_fraction,0.5\n", File.ReadAllText(summary));
        var read = FullRuns.LanguageModel(summary);
        Assert.Equal((1, "2026-12-07", "lectures experiment lm"), (read.Source.Seeds, read.Source.Date, read.Source.Command));
        Assert.StartsWith("from the full run: 1 seed, 2026-12-07, ", read.Source.Label);
        Assert.Equal(["many"], read.Tasks);
        Assert.Equal(0.5, read.Value("many", "rft_gain_relative_to_sft"), 12);
        Assert.Equal(0.8, read.Value("many", "small_sft_recovery"), 12);
        Assert.Equal(2.0 / 3, read.Value("many", "small_sft_benefit_recovery"), 12);
        Assert.Equal(0.6, read.Value("many", JournalMigrations.Column(ExperimentResultTests.Names, ExperimentResultTests.Names.Rft) + "_test_reward"), 12);
        Assert.Equal(2, read.Value("all", "inputs_bin_0"));
        Assert.Equal(0.05, read.Value("all", "rft_improvement_bin_0"), 12);
        Assert.Equal(0.7, read.Value("all", "sft_improvement_bin_0"), 12);
        Assert.True(double.IsNaN(read.Value("all", "rft_improvement_bin_1")));
        Assert.Equal([0.5], read.PerTask("fraction_small_std"));
        Assert.Contains("no quantity 'nothing' for task 'many'", Assert.Throws<ArgumentException>(() => read.Value("many", "nothing")).Message);
    }
}
