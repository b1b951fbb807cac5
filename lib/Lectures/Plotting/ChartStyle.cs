using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Extensions = Plotly.NET.CSharp.GenericChartExtensions;

namespace Lectures.Plotting;

/// <summary>The styling that the charts of several ideas share: axis titles, and a titled fixed-size layout with the legend below.</summary>
internal static class ChartStyle
{
    /// <summary>The chart with <paramref name="xTitle"/> on its x axis and <paramref name="yTitle"/> on its y axis.</summary>
    internal static GenericChart Axes(GenericChart chart, string xTitle, string yTitle) =>
        Extensions.WithYAxisStyle<double, double, string>(Extensions.WithXAxisStyle<double, double, string>(chart, TitleText: xTitle), TitleText: yTitle);

    /// <summary>
    /// The chart with a title, a fixed size of 760 x 560 px, and the legend in rows below the plot, so long series
    /// names (and a colour bar on the right) do not squeeze the plotting area.
    /// </summary>
    internal static GenericChart TitledWithLegendBelow(this GenericChart chart, string title)
    {
        var t = new Title();
        t.SetProperty("text", title);
        var legend = new Legend();
        legend.SetProperty("orientation", "h");
        legend.SetProperty("y", -0.2);
        var layout = new Layout();
        layout.SetProperty("legend", legend);
        layout.SetProperty("width", 760);
        layout.SetProperty("height", 560);
        return Plotly.NET.Chart.withLayout(layout).Invoke(Plotly.NET.Chart.withTitle(t).Invoke(chart));
    }
}
