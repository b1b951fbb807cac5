using Lectures.Plotting;
using Lectures.Torch.Experiments;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lectures.Torch.Interactions;

/// <summary>The interaction experiment's chart: test accuracy per model and walk-index placement.</summary>
public static class InteractionExperimentCharts
{
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
            SeedSpread.WithErrorBars(Chart.Column<double, string, string>(g.Select(b => 100 * b.Mean), new Optional<IEnumerable<string>>(g.Select(b => b.Category), true),
                    Name: g.Key, MultiText: g.Select(b => $"{SeedSpread.Text(b.Mean, b.StandardDeviation, b.Count)} {b.Note}".TrimEnd()).ToList()),
                g.Select(b => (b.Count, 100 * b.StandardDeviation))));
        return Chart.Combine(series).WithTitle(title)
            .WithXAxisStyle<double, double, string>(TitleText: "model")
            .WithYAxisStyle<double, double, string>(TitleText: SeedSpread.AccuracyAxis(list.Max(b => b.Count)));
    }
}
