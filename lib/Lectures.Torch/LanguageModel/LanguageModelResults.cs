using Lectures.Finetuning;
using MathNet.Numerics.Statistics;

namespace Lectures.Torch.LanguageModel;

/// <summary>Mean of y over the points whose x lies in [Lower, Upper), with the number of points.</summary>
public readonly record struct BinnedMean(double Lower, double Upper, int Count, double Mean);

/// <summary>The experiment's outcome per task and the findings across tasks (its report: LanguageModelResults.Report.cs).</summary>
public sealed partial record LanguageModelResults(LanguageModelOptions Options, long ParameterCount, IReadOnlyList<LanguageModelRun> Tasks,
    TimeSpan Elapsed)
{
    /// <summary>Edges of the initial-STD bins of finding II.</summary>
    public static readonly double[] StdBinEdges = [0, 0.05, 0.1, 0.2, 0.3, 1.01];

    /// <summary>Finding III: Spearman correlation across tasks of the fraction of small-std inputs with RFT's gain relative to SFT.</summary>
    public double SpearmanSmallStdVersusRelativeGain =>
        Correlation.Spearman(Tasks.Select(t => t.FractionSmallStd), Tasks.Select(t => t.RftGainRelativeToSft));

    /// <summary>Finding III with the fraction of inputs with small std and low reward.</summary>
    public double SpearmanSmallStdLowRewardVersusRelativeGain =>
        Correlation.Spearman(Tasks.Select(t => t.FractionSmallStdLowReward), Tasks.Select(t => t.RftGainRelativeToSft));

    /// <summary>Finding II: the per-input improvement V_final - V_initial of <paramref name="run"/> on the training
    /// inputs of every task, averaged in bins of the initial STD (<see cref="StdBinEdges"/>).</summary>
    public BinnedMean[] ImprovementByInitialStd(string run) =>
        Binned(Tasks.SelectMany(t => t.InitialRewardStd), Tasks.SelectMany(t => t.Improvement(run)));

    /// <summary>Means of <paramref name="y"/> in the bins of <see cref="StdBinEdges"/> over <paramref name="x"/>.</summary>
    public static BinnedMean[] Binned(IEnumerable<double> x, IEnumerable<double> y)
    {
        var points = x.Zip(y).ToArray();
        return StdBinEdges.Zip(StdBinEdges.Skip(1)).Select(edge =>
        {
            var inBin = points.Where(p => p.First >= edge.First && p.First < edge.Second).Select(p => p.Second).ToArray();
            return new BinnedMean(edge.First, edge.Second, inBin.Length, inBin.Length == 0 ? double.NaN : inBin.Average());
        }).ToArray();
    }
}
