using System.Security.Cryptography;
using System.Text;
using Plotly.NET;

namespace Lectures.Plotting;

/// <summary>
/// HTML for interactive Plotly charts that draws wherever plotly.js can be had: it uses a page's own
/// <c>window.Plotly</c> (the kit's offline site serves plotly.js itself), else requirejs (classic Jupyter),
/// else a script tag for plotly.js <see cref="PlotlyVersion"/> from the CDN (VS Code, JupyterLab).
/// </summary>
public static class ChartHtml
{
    /// <summary>The plotly.js version that Plotly.NET 6 targets.</summary>
    public const string PlotlyVersion = "2.28.0";

    /// <summary>Where notebooks fetch plotly.js when the page does not already provide it.</summary>
    public const string PlotlyCdn = "https://cdn.plot.ly/plotly-" + PlotlyVersion + ".min";

    /// <summary>The file name reports load plotly.js from; the CLI copies plotly.js beside every report it writes.</summary>
    public const string LocalPlotly = "plotly.min.js";

    /// <summary>The HTML fragment (a div and a script) that draws a Plotly.NET chart.</summary>
    public static string Fragment(GenericChart chart) => FromFigureJson(GenericChart.toJson(chart));

    /// <summary>
    /// The HTML fragment that draws a figure given as plotly.js JSON ({"data": [...], "layout": {...}, "config": {...}}),
    /// fitted to the width of the column that shows it (<see cref="ChartLayout.ForColumn"/>).
    /// The element id is derived from the JSON, so the same chart gives the same HTML on every run.
    /// </summary>
    public static string FromFigureJson(string figureJson)
    {
        var fitted = ChartLayout.ForColumn(figureJson);
        var id = "lectures-chart-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fitted)))[..16].ToLowerInvariant();
        return FromScript(id, $"var fig = {fitted}; P.newPlot('{id}', fig.data, fig.layout, fig.config);");
    }

    /// <summary>
    /// The HTML fragment for a div with id <paramref name="id"/> and a script body that uses <c>P</c> (plotly.js)
    /// once it is available.
    /// </summary>
    public static string FromScript(string id, string drawWithP) =>
        $$"""
        <div id="{{id}}" class="lectures-chart" style="width:100%"></div>
        <script type="text/javascript">
        (function () {
          var draw = function (P) { {{drawWithP}} };
          if (window.Plotly) { draw(window.Plotly); return; }
          if (typeof window.require === 'function' && window.require.config) {
            window.require.config({ paths: { plotly: '{{PlotlyCdn}}' } });
            window.require(['plotly'], draw);
            return;
          }
          var s = document.createElement('script');
          s.src = '{{PlotlyCdn}}.js';
          s.onload = function () { draw(window.Plotly); };
          document.head.appendChild(s);
        })();
        </script>
        """;

    /// <summary>A complete standalone HTML page with a title and the given chart fragments, for reports.</summary>
    public static string Page(string title, IEnumerable<string> bodyFragments, string plotlyScriptSrc)
    {
        var body = string.Join("\n", bodyFragments);
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{System.Net.WebUtility.HtmlEncode(title)}}</title>
            <script src="{{plotlyScriptSrc}}"></script></head>
            <body><h1>{{System.Net.WebUtility.HtmlEncode(title)}}</h1>
            {{body}}
            </body></html>
            """;
    }
}
