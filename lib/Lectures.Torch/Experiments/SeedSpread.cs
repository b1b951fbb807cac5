using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.TraceObjects;

namespace Lectures.Torch.Experiments;

/// <summary>What the accuracy charts of the experiments share: mean ± std over seeds in hover texts, axis titles and error bars.</summary>
internal static class SeedSpread
{
    /// <summary>"81.2 ± 1.3 (5 seeds)" in accuracy percent, or "81.2 (1 seed)" when there is no spread to show.</summary>
    public static string Text(double mean, double std, int count) =>
        count > 1 ? $"{100 * mean:F1} ± {100 * std:F1} ({count} seeds)" : $"{100 * mean:F1} ({count} seed)";

    /// <summary>The y axis title: "test accuracy (%), mean ± std over seeds" or "..., one seed".</summary>
    public static string AccuracyAxis(int seeds) => seeds > 1 ? "test accuracy (%), mean ± std over seeds" : "test accuracy (%), one seed";

    /// <summary>Error bars ± half width at each point of more than one seed; none at all when every point has one seed.</summary>
    public static GenericChart WithErrorBars(GenericChart chart, IEnumerable<(int Count, double HalfWidth)> points)
    {
        var list = points.ToList();
        if (list.All(p => p.Count <= 1)) return chart;
        return Plotly.NET.Chart.withYError(Error.init<double, double>(
            null, FSharpOption<StyleParam.ErrorType>.Some(StyleParam.ErrorType.Data), null,
            FSharpOption<IEnumerable<double>>.Some(list.Select(p => p.Count > 1 ? p.HalfWidth : 0).ToArray()),
            null, null, null, null, null, null, null, null, null, null, null)).Invoke(chart);
    }
}
