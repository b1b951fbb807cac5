using Lectures.Plotting;
using Lectures.Torch.Experiments;

namespace Lectures.Torch.Interactions;

/// <summary>A quoted interaction result: test accuracy per model and walk-index placement.</summary>
/// <param name="Source">The run that produced it.</param>
/// <param name="Bars">One bar per (model, placement): Mean and StandardDeviation of the test accuracy as fractions.</param>
public sealed record InteractionFullRun(FullRunSource Source, IReadOnlyList<CategoryMean> Bars)
{
    /// <summary>The grouped bar chart, titled with the source.</summary>
    public Plotly.NET.GenericChart Chart() => InteractionExperimentCharts.AccuracyByPlacement(Bars,
        $"Low vs high walk-index placement ({Source.Seeds} seeds, full run of {Source.Date})");
}
