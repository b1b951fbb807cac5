using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Extensions = Plotly.NET.CSharp.GenericChartExtensions;

namespace Lectures.Plotting;

/// <summary>The styling that the charts of several ideas share: axis titles, the title, and a taller plot with the legend below.</summary>
public static class ChartStyle
{
    /// <summary>The chart with <paramref name="xTitle"/> on its x axis and <paramref name="yTitle"/> on its y axis.</summary>
    internal static GenericChart Axes(GenericChart chart, string xTitle, string yTitle) =>
        Extensions.WithYAxisStyle<double, double, string>(Extensions.WithXAxisStyle<double, double, string>(chart, TitleText: xTitle), TitleText: yTitle);

    /// <summary>
    /// The chart with the title <paramref name="title"/> (layout.title.text); where the chart is shown,
    /// <see cref="ChartLayout.ForColumn"/> wraps a long one onto subtitle lines.
    /// </summary>
    public static GenericChart WithTitle(this GenericChart chart, string title)
    {
        var text = new Title();
        text.SetProperty("text", title);
        return Plotly.NET.Chart.withTitle(text).Invoke(chart);
    }

    /// <summary>
    /// The chart 560 px tall (instead of <see cref="ChartLayout"/>'s default) with the legend in a horizontal row
    /// below the plot, so long series names (and a colour bar on the right) do not squeeze the plotting area. The
    /// width follows the page column (<see cref="ChartLayout.ForColumn"/>).
    /// </summary>
    internal static GenericChart TallWithLegendBelow(this GenericChart chart)
    {
        var legend = new Legend();
        legend.SetProperty("orientation", "h");
        legend.SetProperty("y", -0.2);
        var layout = new Layout();
        layout.SetProperty("legend", legend);
        layout.SetProperty("height", 560);
        return Plotly.NET.Chart.withLayout(layout).Invoke(chart);
    }
}
