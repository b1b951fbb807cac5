using Plotly.NET;
using Plotly.NET.CSharp;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Lectures.Plotting;

/// <summary>One named series of (x, y) points.</summary>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Checks that X and Y have the same length.</summary>
    public Series Validated() => X.Count == Y.Count ? this
        : throw new ArgumentException($"Series '{Name}' has {X.Count} x values but {Y.Count} y values.");
}

/// <summary>
/// The kit's chart helpers: every chart gets a title, axis titles and a legend when it has several series. Width,
/// height, title wrapping and legend placement are set where the chart is shown (<see cref="ChartLayout"/>).
/// </summary>
public static class Charts
{
    /// <summary>Lines (with markers when <paramref name="markers"/>) for each series, on linear or log axes.</summary>
    public static GenericChart Lines(string title, string xTitle, string yTitle, IEnumerable<Series> series,
        bool logX = false, bool logY = false, bool markers = true) =>
        Styled(series.Select(s => s.Validated()).Select(s =>
            CSharpChart.Line<double, double, string>(s.X.ToArray(), s.Y.ToArray(), Name: s.Name, ShowMarkers: markers)), title, xTitle, yTitle, logX, logY);

    /// <summary>Scatter points for each series, on linear or log axes.</summary>
    public static GenericChart Points(string title, string xTitle, string yTitle, IEnumerable<Series> series,
        bool logX = false, bool logY = false) =>
        Styled(series.Select(s => s.Validated()).Select(s =>
            CSharpChart.Point<double, double, string>(s.X.ToArray(), s.Y.ToArray(), Name: s.Name)), title, xTitle, yTitle, logX, logY);

    /// <summary>Combines traces and applies the title, the axis titles and types, and the legend.</summary>
    public static GenericChart Styled(IEnumerable<GenericChart> traces, string title, string xTitle, string yTitle,
        bool logX = false, bool logY = false)
    {
        var list = traces.ToList();
        if (list.Count == 0) throw new ArgumentException("A chart needs at least one series.");
        var chart = list.Count == 1 ? list[0] : GenericChart.combine(list);
        chart = chart.WithTitle(title);
        var legend = new Layout();
        legend.SetProperty("showlegend", list.Count > 1);
        chart = Plotly.NET.Chart.withLayout(legend).Invoke(chart);
        return chart
            .WithXAxisStyle<double, double, double>(TitleText: xTitle, AxisType: logX ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear)
            .WithYAxisStyle<double, double, double>(TitleText: yTitle, AxisType: logY ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear);
    }
}
