using System.Text.RegularExpressions;
using Lectures.Interactive;
using Lectures.Plotting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace Lectures.Tests.Interactive;

/// <summary>
/// The set-up the kit's kernel extension runs when a notebook references the kit, loaded here as a .NET Interactive
/// kernel loads it (no notebook, no kernel process): what the kernel then shows for the kit's charts, XPlot charts,
/// tables and percentages. (The FSharp.Core redirect cannot be seen here: the test runner's own resolver answers the
/// same requests.)
/// </summary>
public sealed class NotebookSetupTests
{
    public NotebookSetupTests()
    {
        using var kernel = new CompositeKernel();
        new KitKernelExtension().OnLoadAsync(kernel).GetAwaiter().GetResult();
    }

    [Fact]
    public void APlotlyNetChartShowsAsTheKitsChartHtmlWithItsTitleAndData()
    {
        var chart = Charts.Lines("Reward std over training", "step", "std", [new Series("RFT", [0.0, 1.0, 2.0], [0.25, 0.125, 0.0625])]);
        var html = chart.ToDisplayString(HtmlFormatter.MimeType);
        Assert.Equal(ChartHtml.Fragment(chart), html);
        Assert.StartsWith("<div id=\"lectures-chart-", html);
        Assert.Contains("Reward std over training", html);
        Assert.Contains("[0.25,0.125,0.0625]", html);
    }

    [Fact]
    public void AnXPlotChartIsUnwrappedFromItsScriptElementAndDrawsThroughP()
    {
        var chart = XPlot.Plotly.Chart.Plot(new XPlot.Plotly.Scatter { x = new[] { 1, 2, 3 }, y = new[] { 4, 9, 16 }, name = "squares" });
        chart.WithTitle("Squares of 1, 2, 3");
        var html = chart.ToDisplayString(HtmlFormatter.MimeType);
        Assert.StartsWith($"<div id=\"{chart.Id}\" class=\"lectures-chart\"", html);
        // XPlot's own <script> wrapper is gone: one script element, the kit's, which passes plotly.js in as P.
        Assert.Single(Regex.Matches(html, "<script"));
        Assert.Contains($"P.newPlot('{chart.Id}'", html.Replace('"', '\''));
        Assert.DoesNotContain("Plotly.newPlot", html);
        Assert.Contains("[4,9,16]", html);
        Assert.Contains("Squares of 1, 2, 3", html);
    }

    [Fact]
    public void ATableShowsAsAnEncodedHtmlTableAndAsAlignedText()
    {
        var table = new[] { new { Method = "1-WIS", Edges = 2639 }, new { Method = "random", Edges = 26 } }.ToTable("Cora <50% removed>");
        Assert.Equal(
            "<table class=\"lectures-table\"><caption>Cora &lt;50% removed&gt;</caption><thead><tr>" +
            "<th style=\"text-align:left\">Method</th><th style=\"text-align:right\">Edges</th></tr></thead><tbody>" +
            "<tr><td style=\"text-align:left\">1-WIS</td><td style=\"text-align:right\">2639</td></tr>" +
            "<tr><td style=\"text-align:left\">random</td><td style=\"text-align:right\">26</td></tr></tbody></table>",
            table.ToDisplayString(HtmlFormatter.MimeType));
        Assert.Equal(string.Join("\n", "Cora <50% removed>", "Method  Edges", "------  -----", "1-WIS    2639", "random     26"),
            table.ToDisplayString(PlainTextFormatter.MimeType).ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData(0.873, "87.3%")]
    [InlineData(0.000012, "0.0012%")]
    public void APercentShowsAsItsTextInBothMimeTypes(double fraction, string text)
    {
        Assert.Equal(text, new Percent(fraction).ToDisplayString(PlainTextFormatter.MimeType));
        Assert.Equal(text, new Percent(fraction).ToDisplayString(HtmlFormatter.MimeType));
    }

    [Fact]
    public void PercentagePointsShowSignedWithTheirUnit()
    {
        var gain = PercentagePoints.Between(new Percent(0.873), new Percent(0.852));
        Assert.Equal("+2.1 pts", gain.ToDisplayString(PlainTextFormatter.MimeType));
        Assert.Equal("+2.1 pts", gain.ToDisplayString(HtmlFormatter.MimeType));
    }
}
