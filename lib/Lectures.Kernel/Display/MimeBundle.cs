using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Lectures.Plotting;

namespace Lectures.Kernel.Display;

/// <summary>
/// The MIME bundle a value is shown as: Plotly.NET charts as text/html (drawn by <see cref="PlotlyScript"/>) and
/// application/vnd.plotly.v1+json, XPlot charts as text/html, the kit's <see cref="TableView"/> as text/html and
/// text/plain, <see cref="HtmlString"/> as text/html, everything else as text/plain (<see cref="PlainText"/>).
/// </summary>
public static class MimeBundle
{
    /// <summary>The MIME type JupyterLab and VS Code draw Plotly figures from.</summary>
    public const string PlotlyJson = "application/vnd.plotly.v1+json";

    /// <summary>The bundle for <paramref name="value"/>: MIME type → representation.</summary>
    public static JsonObject Of(object? value) => value switch
    {
        HtmlString html => new JsonObject { ["text/html"] = html.Html },
        TableView table => new JsonObject { ["text/html"] = table.ToHtml(), ["text/plain"] = table.ToString() },
        _ when IsPlotlyChart(value) => PlotlyBundle(value!),
        _ when IsXPlotChart(value) => XPlotBundle(value!),
        _ => new JsonObject { ["text/plain"] = PlainText.Of(value) },
    };

    // Checked by name first, so that Plotly.NET and XPlot (and FSharp.Core) load only when a chart is shown.
    static bool IsPlotlyChart(object? value) => value?.GetType().FullName?.StartsWith("Plotly.NET.GenericChart", StringComparison.Ordinal) == true;

    static bool IsXPlotChart(object? value) => value?.GetType().FullName == "XPlot.Plotly.PlotlyChart";

    [MethodImpl(MethodImplOptions.NoInlining)]
    static JsonObject PlotlyBundle(object value)
    {
        var chart = (Plotly.NET.GenericChart)value;
        return new JsonObject
        {
            ["text/html"] = PlotlyScript.OnFirstChart() + ChartHtml.Fragment(chart),
            [PlotlyJson] = JsonNode.Parse(Plotly.NET.GenericChart.toJson(chart)),
            ["text/plain"] = "Plotly chart",
        };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static JsonObject XPlotBundle(object value)
    {
        var chart = (XPlot.Plotly.PlotlyChart)value;
        // XPlot's inline JS comes wrapped in a script element and calls the global Plotly; unwrap it, pass P in.
        var draw = chart.GetInlineJS().Replace("<script>", "").Replace("</script>", "").Replace("Plotly.newPlot", "P.newPlot");
        return new JsonObject
        {
            ["text/html"] = PlotlyScript.OnFirstChart() + ChartHtml.FromScript(chart.Id, draw),
            ["text/plain"] = "XPlot chart",
        };
    }
}
