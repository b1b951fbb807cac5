using System.Text.Json;
using Lectures.Finetuning;
using Lectures.Plotting;
using Plotly.NET;

namespace Lectures.Tests.Core.Finetuning;

public class FinetuningChartsTests
{
    [Fact]
    public void GradientVersusStdDrawsPointsPerLengthAndTheBoundLine()
    {
        var points = VanishingGradients.RandomPolicies(50, 1, 20, [1.0], seed: 1)
            .Concat(VanishingGradients.RandomPolicies(50, 2, 5, [0.5], seed: 2)).ToList();
        var figure = Figure(FinetuningCharts.GradientVersusStd(points));
        var traces = figure.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["policies, T = 1", "policies, T = 2", "Theorem 1: 6·STD<sup>2/3</sup>", "one step: STD"], traces.Select(t => t.GetProperty("name").GetString()));
        var bound = traces[2];
        // The bound line ends at STD = 1 with value 6.
        Assert.Equal(1.0, bound.GetProperty("x").EnumerateArray().Last().GetDouble(), 12);
        Assert.Equal(6.0, bound.GetProperty("y").EnumerateArray().Last().GetDouble(), 12);
        // Normalised points (||grad V|| tau / T) all lie below the bound.
        var xs = traces[1].GetProperty("x").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var ys = traces[1].GetProperty("y").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.All(xs.Zip(ys), p => Assert.True(p.Second <= 6 * Math.Pow(p.First, 2.0 / 3)));
        AssertLabelled(figure, "log");
    }

    [Fact]
    public void MonitorChartsShowHistogramCountsAndScatter()
    {
        var monitor = new RewardStdMonitor(threshold: 0.5, histogramBins: 4);
        monitor.Observe(new double[] { 0.5, 0.5, 1, 0, 0.9, 0.1 }, new double[] { 1, -1, 1, -1, 1, -1 }, 2);
        var report = monitor.Report();
        var histogram = Figure(FinetuningCharts.RewardStdHistogram(report));
        // STDs 1, 0, 0.6 fall in bins 3, 0, 2.
        Assert.Equal([1, 0, 1, 1], histogram.GetProperty("data")[0].GetProperty("y").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Contains("33% below 0.5", histogram.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        AssertLabelled(histogram, null);
        var scatter = Figure(FinetuningCharts.ExpectedRewardVersusStd(report));
        Assert.Equal([0.0, 1.0, 0.8], scatter.GetProperty("data")[0].GetProperty("x").EnumerateArray().Select(e => Math.Round(e.GetDouble(), 12)));
        AssertLabelled(scatter, null);
    }

    [Fact]
    public void TimeAndBatchChartsAreLabelled()
    {
        var scaling = RftVersusSft.TimesVersusInitialStd(10, [1e-2, 1e-3]);
        var time = Figure(FinetuningCharts.TimeVersusInitialStd(scaling));
        Assert.Equal(3, time.GetProperty("data").GetArrayLength());
        AssertLabelled(time, "log");
        var batch = Figure(FinetuningCharts.BatchVersusInput(RftVersusSft.BatchVersusInput(inputs: 6, smallStdInputs: 2, endTime: 100, snapshots: 10)));
        Assert.Equal(5, batch.GetProperty("data").GetArrayLength());
        Assert.Contains("left behind", batch.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    private static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;

    private static void AssertLabelled(JsonElement figure, string? axisType)
    {
        var layout = figure.GetProperty("layout");
        Assert.False(string.IsNullOrWhiteSpace(layout.GetProperty("title").GetProperty("text").GetString()));
        foreach (var axis in new[] { "xaxis", "yaxis" })
        {
            Assert.False(string.IsNullOrWhiteSpace(layout.GetProperty(axis).GetProperty("title").GetProperty("text").GetString()));
            if (axisType is not null) Assert.Equal(axisType, layout.GetProperty(axis).GetProperty("type").GetString());
        }
    }
}
