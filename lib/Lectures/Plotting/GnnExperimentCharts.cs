using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using Plotly.NET.TraceObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lectures.Plotting;

/// <summary>Charts for the trained-GNN experiments: accuracy against edges removed, and accuracy per walk-index placement.</summary>
public static class GnnExperimentCharts
{
    /// <summary>
    /// Test accuracy (mean over seeds, error bars ± one standard deviation) against the percentage of edges removed,
    /// one line per method. Points of a single seed get no error bar and no "±" in their hover text.
    /// </summary>
    public static GenericChart AccuracyVsEdgesRemoved(IEnumerable<SeriesPoint> points, string title)
    {
        ArgumentNullException.ThrowIfNull(points);
        var list = points.ToList();
        if (list.Count == 0) throw new ArgumentException("There are no points to draw.", nameof(points));
        var lines = list.GroupBy(p => p.Series).Select(g =>
        {
            var ordered = g.OrderBy(p => p.X).ToList();
            return WithErrorBars(Chart.Line<double, double, string>(ordered.Select(p => p.X), ordered.Select(p => 100 * p.Mean),
                    ShowMarkers: true, Name: g.Key, MultiText: ordered.Select(p => $"{g.Key}: {Spread(p.Mean, p.StandardDeviation, p.Count)}").ToList()),
                ordered.Select(p => (p.Count, 100 * p.StandardDeviation)));
        });
        return Titled(Chart.Combine(lines), title)
            .WithXAxisStyle<double, double, string>(TitleText: "edges removed (% of the original edges)")
            .WithYAxisStyle<double, double, string>(TitleText: AccuracyAxis(list.Max(p => p.Count)));
    }

    /// <summary>
    /// Grouped bars: mean test accuracy per category (model) and series (placement), error bars ± one standard
    /// deviation (none on bars of a single seed).
    /// </summary>
    public static GenericChart AccuracyByPlacement(IEnumerable<CategoryMean> bars, string title)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var list = bars.ToList();
        if (list.Count == 0) throw new ArgumentException("There are no bars to draw.", nameof(bars));
        var series = list.GroupBy(b => b.Series).Select(g =>
            WithErrorBars(Chart.Column<double, string, string>(g.Select(b => 100 * b.Mean), new Optional<IEnumerable<string>>(g.Select(b => b.Category), true),
                    Name: g.Key, MultiText: g.Select(b => $"{Spread(b.Mean, b.StandardDeviation, b.Count)} {b.Note}".TrimEnd()).ToList()),
                g.Select(b => (b.Count, 100 * b.StandardDeviation))));
        return Titled(Chart.Combine(series), title)
            .WithXAxisStyle<double, double, string>(TitleText: "model")
            .WithYAxisStyle<double, double, string>(TitleText: AccuracyAxis(list.Max(b => b.Count)));
    }

    /// <summary>"81.2 ± 1.3 (5 seeds)" in accuracy percent, or "81.2 (1 seed)" when there is no spread to show.</summary>
    static string Spread(double mean, double std, int count) =>
        count > 1 ? $"{100 * mean:F1} ± {100 * std:F1} ({count} seeds)" : $"{100 * mean:F1} ({count} seed)";

    static string AccuracyAxis(int seeds) => seeds > 1 ? "test accuracy (%), mean ± std over seeds" : "test accuracy (%), one seed";

    private static GenericChart Titled(GenericChart chart, string title) => Plotly.NET.Chart.withTitle(title, null).Invoke(chart);

    /// <summary>Error bars ± half width at each point of more than one seed; none at all when every point has one seed.</summary>
    private static GenericChart WithErrorBars(GenericChart chart, IEnumerable<(int Count, double HalfWidth)> points)
    {
        var list = points.ToList();
        if (list.All(p => p.Count <= 1)) return chart;
        return Plotly.NET.Chart.withYError(Error.init<double, double>(
            null, FSharpOption<StyleParam.ErrorType>.Some(StyleParam.ErrorType.Data), null,
            FSharpOption<IEnumerable<double>>.Some(list.Select(p => p.Count > 1 ? p.HalfWidth : 0).ToArray()),
            null, null, null, null, null, null, null, null, null, null, null)).Invoke(chart);
    }
}
