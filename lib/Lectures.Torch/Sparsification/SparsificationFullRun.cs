using Lectures.Plotting;
using Lectures.Torch.Experiments;

namespace Lectures.Torch.Sparsification;

/// <summary>A quoted accuracy-vs-edges-removed result: mean ± std test accuracy per method and level.</summary>
/// <param name="Model">"GCN", "GIN" or "ResGCN".</param>
/// <param name="Dataset">"cora" or "citation-like".</param>
/// <param name="Source">The run that produced it.</param>
/// <param name="Summary">One point per (method, level): X = % removed, Mean and StandardDeviation as fractions.</param>
public sealed record SparsificationFullRun(string Model, string Dataset, FullRunSource Source, IReadOnlyList<SeriesPoint> Summary)
{
    /// <summary>The chart of the summary, titled with the model and the source.</summary>
    public Plotly.NET.GenericChart Chart() => SparsificationExperimentCharts.AccuracyVsEdgesRemoved(Summary,
        $"{Model} on {Dataset}: test accuracy vs edges removed ({Source.Seeds} seeds, full run of {Source.Date})");
}
