using Lectures.Kernel.Display;
using Lectures.Plotting;

namespace Lectures.Tests.Kernel.Display;

public class MimeBundleTests
{
    [Theory]
    [InlineData(42, "42")]
    [InlineData("plain text", "plain text")]
    [InlineData(null, "null")]
    public void SimpleValuesAreTextPlain(object? value, string text) =>
        Assert.Equal(text, (string?)MimeBundle.Of(value)["text/plain"]);

    [Fact]
    public void CollectionsPrintTheWayCSharpInteractivePrintsThem() =>
        Assert.Equal("int[3] { 1, 2, 3 }", (string?)MimeBundle.Of(new[] { 1, 2, 3 })["text/plain"]);

    [Fact]
    public void ATypeWithItsOwnToStringPrintsIt() =>
        Assert.Equal(new Percent(0.125).ToString(), (string?)MimeBundle.Of(new Percent(0.125))["text/plain"]);

    [Fact]
    public void ATableIsHtmlAndText()
    {
        var table = new[] { new { N = 1, Square = 1 }, new { N = 2, Square = 4 } }.ToTable("squares");
        var bundle = MimeBundle.Of(table);
        Assert.Equal(table.ToHtml(), (string?)bundle["text/html"]);
        Assert.Equal(table.ToString(), (string?)bundle["text/plain"]);
    }

    [Fact]
    public void APlotlyChartIsHtmlAndPlotlyJsonWithItsData()
    {
        var chart = Charts.Lines("t", "x", "y", [new Series("s", [1.0, 2.0], [3.0, 5.0])]);
        var bundle = MimeBundle.Of(chart);
        var figure = bundle[MimeBundle.PlotlyJson]!;
        Assert.Equal([3.0, 5.0], figure["data"]![0]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Contains("newPlot", (string?)bundle["text/html"]);
    }

    [Fact]
    public void AnXPlotChartIsHtmlThatDrawsItsDiv()
    {
        var chart = XPlot.Plotly.Chart.Plot(new XPlot.Plotly.Scatter { x = new[] { 1, 2 }, y = new[] { 3, 4 } });
        var html = (string?)MimeBundle.Of(chart)["text/html"];
        Assert.Contains($"<div id=\"{chart.Id}\"", html);
        Assert.Contains("P.newPlot", html);
    }

    [Fact]
    public void HtmlIsShownAsItIs() =>
        Assert.Equal("<b>bold</b>", (string?)MimeBundle.Of(NotebookFunctions.HTML("<b>bold</b>"))["text/html"]);
}
