using Lectures.Plotting;
using Lectures.Torch.Experiments;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lectures.Torch.Sparsification;

/// <summary>The sparsification experiment's chart: test accuracy against edges removed.</summary>
public static class SparsificationExperimentCharts
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
            return SeedSpread.WithErrorBars(Chart.Line<double, double, string>(ordered.Select(p => p.X), ordered.Select(p => 100 * p.Mean),
                    ShowMarkers: true, Name: g.Key, MultiText: ordered.Select(p => $"{g.Key}: {SeedSpread.Text(p.Mean, p.StandardDeviation, p.Count)}").ToList()),
                ordered.Select(p => (p.Count, 100 * p.StandardDeviation)));
        });
        return Chart.Combine(lines).WithTitle(title)
            .WithXAxisStyle<double, double, string>(TitleText: "edges removed (% of the original edges)")
            .WithYAxisStyle<double, double, string>(TitleText: SeedSpread.AccuracyAxis(list.Max(p => p.Count)));
    }
}
