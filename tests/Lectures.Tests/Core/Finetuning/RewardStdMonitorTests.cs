using Lectures.Finetuning;

namespace Lectures.Tests.Core.Finetuning;

public class RewardStdMonitorTests
{
    [Fact]
    public void ExactObservationGivesHandComputedValueAndStd()
    {
        // Input 0: p = (0.25, 0.75), r = (1, -1): V = -0.5, STD = 2 sqrt(0.25 * 0.75) = sqrt(0.75).
        // Input 1: deterministic on reward 0.3: V = 0.3, STD = 0.
        // Input 2: uniform over (1, -1, 1, -1): V = 0, STD = 1.
        var monitor = new RewardStdMonitor(threshold: 0.1, histogramBins: 10);
        // Rows have 4 outputs; input 0 puts zero probability on its last two.
        double[] p = [0.25, 0.75, 0, 0, 0, 1, 0, 0, 0.25, 0.25, 0.25, 0.25];
        double[] r = [1, -1, 0, 0, 0.3, 0.3, 0.3, 0.3, 1, -1, 1, -1];
        var summary = monitor.Observe(p, r, outputs: 4);

        Assert.Equal(3, summary.Inputs);
        Assert.Equal(-0.5, monitor.ExpectedReward[0], 12);
        Assert.Equal(Math.Sqrt(0.75), monitor.RewardStd[0], 12);
        Assert.Equal(0.3, monitor.ExpectedReward[1], 12);
        Assert.Equal(0.0, monitor.RewardStd[1], 12);
        Assert.Equal(0.0, monitor.ExpectedReward[2], 12);
        Assert.Equal(1.0, monitor.RewardStd[2], 12);
        Assert.Equal(1.0 / 3, summary.FractionBelowThreshold, 12);
        Assert.Equal((-0.5 + 0.3 + 0) / 3, summary.MeanExpectedReward, 12);
        // sqrt(0.75) = 0.866 -> bin 8; 0 -> bin 0; 1 -> last bin 9.
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0, 1, 1], monitor.Histogram.ToArray());
    }

    [Fact]
    public void SampledObservationUsesPlugInMeanAndStd()
    {
        var monitor = new RewardStdMonitor();
        // Ten samples: seven +1 and three -1: V = 0.4, STD = sqrt(1 - 0.16) = sqrt(0.84).
        float[] samples = [1, 1, 1, -1, 1, 1, -1, 1, -1, 1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1];
        var summary = monitor.ObserveSamples(samples, samplesPerInput: 10);
        Assert.Equal(2, summary.Inputs);
        Assert.Equal(0.4, monitor.ExpectedReward[0], 6);
        Assert.Equal(Math.Sqrt(0.84), monitor.RewardStd[0], 6);
        Assert.Equal(-1.0, monitor.ExpectedReward[1], 12);
        Assert.Equal(0.0, monitor.RewardStd[1], 12);
        Assert.Equal(0.5, summary.FractionBelowThreshold, 12);
        var small = monitor.Summarize([1]);
        Assert.Equal(1.0, small.FractionBelowThreshold);
        Assert.Equal(-1.0, small.MeanExpectedReward);
        Assert.Equal(2, monitor.Report().RewardStd.Length);
    }

    [Fact]
    public void RepeatedStepsReuseBuffersAndCountSteps()
    {
        var monitor = new RewardStdMonitor();
        double[] p = [0.5, 0.5, 0.5, 0.5];
        double[] r = [1, -1, 1, 1];
        monitor.Observe(p, r, 2);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var last = default(RewardStdSummary);
        for (var step = 0; step < 100; step++) last = monitor.Observe(p, r, 2);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(101, last.Step);
        Assert.Equal(1.0, monitor.RewardStd[0], 12);
        Assert.Equal(0.0, monitor.RewardStd[1], 12);
    }

    [Fact]
    public void BadInputGivesClearErrors()
    {
        var monitor = new RewardStdMonitor();
        var reward = Assert.Throws<ArgumentException>(() => monitor.Observe(new double[] { 0.5, 0.5 }, new double[] { 1.5, -1 }, 2));
        Assert.Contains("1.5 is outside [-1, 1]", reward.Message);
        var sum = Assert.Throws<ArgumentException>(() => monitor.Observe(new double[] { 0.5, 0.6 }, new double[] { 1, -1 }, 2));
        Assert.Contains("sum to 1.1", sum.Message);
        var shape = Assert.Throws<ArgumentException>(() => monitor.Observe(new double[] { 0.5, 0.5, 1 }, new double[] { 1, -1, 1 }, 2));
        Assert.Contains("not a multiple of 2", shape.Message);
        var outputs = Assert.Throws<ArgumentOutOfRangeException>(() => monitor.Observe(new double[] { 1 }, new double[] { 1 }, 0));
        Assert.Contains("at least 1 of its outputs; got 0", outputs.Message);
    }
}

public class RewardStdReportFractionTests
{
    [Fact]
    public void FractionBelowCountsSmallStdAndLowRewardTogether()
    {
        // (V, STD): (0.1, 0.01) counts; (0.9, 0.01) has high V; (0.2, 0.3) has large STD; (0.4, 0.04) counts -> 2 of 4.
        var report = new Lectures.Finetuning.RewardStdReport(0, [0.1, 0.9, 0.2, 0.4], [0.01, 0.01, 0.3, 0.04], [], 0.05);
        Assert.Equal(0.5, report.FractionBelow(0.05, lowReward: 0.5), 12);
        Assert.Equal(0.75, report.FractionBelow(0.05), 12);
    }
}
