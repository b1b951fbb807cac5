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

    [Fact]
    public void SweepCurvesDrawOneLinePerFractionAgainstTheStepsWithTheSeedStdAsErrorBars()
    {
        SweepPoint[] points = [new(0.1, 100, 0.5, 0.2, 3), new(0.01, 100, -0.9, 0.05, 3), new(0.1, 25, -0.2, 0.1, 3), new(0.01, 25, -1, 0, 3)];
        var figure = Figure(FinetuningExperimentCharts.SweepCurves(points, "small-std", "SGD lr 0.5", "random inputs relabelled, wrong -1"));
        var traces = figure.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["SFT on 1% of the inputs", "SFT on 10% of the inputs"], traces.Select(t => t.GetProperty("name").GetString()));
        // Sorted by steps within a line; the error bars are the seed stds.
        Assert.Equal([25, 100], traces[1].GetProperty("x").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([-0.2, 0.5], traces[1].GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([0.1, 0.2], traces[1].GetProperty("error_y").GetProperty("array").EnumerateArray().Select(e => e.GetDouble()));
        var layout = figure.GetProperty("layout");
        Assert.Equal("log", layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Contains("full-batch steps", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Contains("(−1 to 1)", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Contains("mean ± std over 3 seeds", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Throws<ArgumentException>(() => FinetuningExperimentCharts.SweepCurves([], "small-std", "SGD lr 0.5", "t"));
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
