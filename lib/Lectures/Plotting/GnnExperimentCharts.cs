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
    /// one line per method.
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
                    ShowMarkers: true, Name: g.Key, MultiText: ordered.Select(p => $"{g.Key}: {100 * p.Mean:F1} ± {100 * p.StandardDeviation:F1} ({p.Count} seeds)").ToList()),
                ordered.Select(p => 100 * p.StandardDeviation));
        });
        return Titled(Chart.Combine(lines), title)
            .WithXAxisStyle<double, double, string>(TitleText: "edges removed (% of the original edges)")
            .WithYAxisStyle<double, double, string>(TitleText: "test accuracy (%), mean ± std over seeds");
    }

    /// <summary>Grouped bars: mean test accuracy per category (model) and series (placement), error bars ± one standard deviation.</summary>
    public static GenericChart AccuracyByPlacement(IEnumerable<CategoryMean> bars, string title)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var list = bars.ToList();
        if (list.Count == 0) throw new ArgumentException("There are no bars to draw.", nameof(bars));
        var series = list.GroupBy(b => b.Series).Select(g =>
            WithErrorBars(Chart.Column<double, string, string>(g.Select(b => 100 * b.Mean), new Optional<IEnumerable<string>>(g.Select(b => b.Category), true),
                    Name: g.Key, MultiText: g.Select(b => $"{100 * b.Mean:F1} ± {100 * b.StandardDeviation:F1} ({b.Count} seeds) {b.Note}".TrimEnd()).ToList()),
                g.Select(b => 100 * b.StandardDeviation)));
        return Titled(Chart.Combine(series), title)
            .WithXAxisStyle<double, double, string>(TitleText: "model")
            .WithYAxisStyle<double, double, string>(TitleText: "test accuracy (%), mean ± std over seeds");
    }

    private static GenericChart Titled(GenericChart chart, string title) => Plotly.NET.Chart.withTitle(title, null).Invoke(chart);

    private static GenericChart WithErrorBars(GenericChart chart, IEnumerable<double> halfWidths) =>
        Plotly.NET.Chart.withYError(Error.init<double, double>(
            null, FSharpOption<StyleParam.ErrorType>.Some(StyleParam.ErrorType.Data), null,
            FSharpOption<IEnumerable<double>>.Some(halfWidths.ToArray()), null, null, null, null, null, null, null, null, null, null, null)).Invoke(chart);
}
