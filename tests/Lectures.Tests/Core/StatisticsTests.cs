namespace Lectures.Tests.Core;

public class StatisticsTests
{
    [Fact]
    public void TheStandardDeviationIsTheSampleOneWithNMinusOne()
    {
        // Mean 5; squared deviations 9, 1, 1, 1, 0, 0, 4, 16 sum to 32: sample std sqrt(32/7), population std 2.
        var (mean, std) = Statistics.MeanAndStd([2, 4, 4, 4, 5, 5, 7, 9]);
        Assert.Equal(5, mean, 14);
        Assert.Equal(Math.Sqrt(32.0 / 7), std, 14);
        // Two accuracies 0.75 and 0.80: mean 0.775, std |0.80 - 0.75| / sqrt(2).
        (mean, std) = Statistics.MeanAndStd([0.75, 0.80]);
        Assert.Equal(0.775, mean, 14);
        Assert.Equal(0.05 / Math.Sqrt(2), std, 14);
    }

    [Fact]
    public void OneValueHasStandardDeviationZeroAndNoValueIsAnError()
    {
        Assert.Equal((0.8125, 0.0), Statistics.MeanAndStd([0.8125]));
        var e = Assert.Throws<ArgumentException>(() => Statistics.MeanAndStd([]));
        Assert.Contains("No values", e.Message);
    }
}
