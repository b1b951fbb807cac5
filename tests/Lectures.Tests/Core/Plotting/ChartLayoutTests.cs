using System.Text.Json;
using Lectures.Plotting;
using Lectures.Torch.Sparsification;
using Plotly.NET;

namespace Lectures.Tests.Core.Plotting;

public class ChartLayoutTests
{
    [Fact]
    public void LongTitlesWrapOntoSubtitleLinesAtTheirSeparatorOrASpace()
    {
        Assert.Equal(["Gradient norm is bounded by the reward std (Theorem 1)"],
            ChartLayout.TitleLines("Gradient norm is bounded by the reward std (Theorem 1)"));
        Assert.Equal(["Time to correct classification (K = 10)", "RFT ∝ 1/STD₀², SFT ∝ ln(1/STD₀)"],
            ChartLayout.TitleLines("Time to correct classification (K = 10): RFT ∝ 1/STD₀², SFT ∝ ln(1/STD₀)"));
        Assert.Equal(["Controlled experiments", "RFT stalls on the inputs whose reward std is small at the start"],
            ChartLayout.TitleLines("Controlled experiments — RFT stalls on the inputs whose reward std is small at the start"));
        Assert.Equal(["RFT on a mixed batch, the batch gradient is large while the", "small-std inputs get almost none and are left behind"],
            ChartLayout.TitleLines("RFT on a mixed batch, the batch gradient is large while the small-std inputs get almost none and are left behind"));
    }

    [Fact]
    public void AFigureFillsTheColumnWithItsLegendBelowAndItsTitleWrapped()
    {
        const string figure = """
            {"data": [{"type": "scatter", "name": "RFT"}, {"type": "scatter", "name": "SFT"}, {"type": "scatter", "name": "fit", "showlegend": false}],
             "layout": {"width": 760, "title": {"text": "Time to correct classification (K = 10): RFT ∝ 1/STD₀², SFT ∝ ln(1/STD₀)"}},
             "config": {}}
            """;

        var fitted = JsonDocument.Parse(ChartLayout.ForColumn(figure)).RootElement;

        var layout = fitted.GetProperty("layout");
        Assert.False(layout.TryGetProperty("width", out _));
        Assert.True(layout.GetProperty("autosize").GetBoolean());
        Assert.Equal(ChartLayout.Height, layout.GetProperty("height").GetInt32());
        Assert.Equal("Time to correct classification (K = 10)<br><sub>RFT ∝ 1/STD₀², SFT ∝ ln(1/STD₀)</sub>",
            layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(40 + 2 * 26, layout.GetProperty("margin").GetProperty("t").GetInt32());
        var legend = layout.GetProperty("legend");
        Assert.Equal("h", legend.GetProperty("orientation").GetString());
        Assert.Equal("container", legend.GetProperty("yref").GetString());
        Assert.True(fitted.GetProperty("config").GetProperty("responsive").GetBoolean());
    }

    [Fact]
    public void ASingleSeedDrawsNoErrorBarsAndNoPlusMinus()
    {
        string Json(int seeds) => GenericChart.toJson(SparsificationExperimentCharts.AccuracyVsEdgesRemoved(
            [new SeriesPoint("1-WIS", 0, 0.81, seeds > 1 ? 0.01 : 0, seeds), new SeriesPoint("1-WIS", 50, 0.79, seeds > 1 ? 0.02 : 0, seeds)], "GCN on Cora"));

        static bool ErrorBars(string json) =>
            JsonDocument.Parse(json).RootElement.GetProperty("data").EnumerateArray().Any(t => t.TryGetProperty("error_y", out _));
        var one = Json(1);
        Assert.False(ErrorBars(one));
        Assert.DoesNotContain("±", one);
        Assert.Contains("1-WIS: 81.0 (1 seed)", one);
        Assert.Contains("test accuracy (%), one seed", one);
        var three = Json(3);
        Assert.True(ErrorBars(three));
        Assert.Contains("1-WIS: 79.0 ± 2.0 (3 seeds)", three);
    }
}
