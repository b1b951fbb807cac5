using Lectures.Finetuning;
using MathNet.Numerics.LinearAlgebra;

namespace Lectures.Tests.Core.Finetuning;

public class ReinforceNoiseTests
{
    [Fact]
    public void TwoLabelNoiseMatchesTheHandComputedVariance()
    {
        // p = (0.3, 0.7), r = (+1, -1), b = 0. One sample gives (0.7, -0.7) w.p. 0.3 and (0.3, -0.3) w.p. 0.7, so
        // grad V = (0.42, -0.42), E||g||^2 = 0.42, Var = 0.42 - 0.3528 = 0.0672, and N samples have RMS error sqrt(0.0672 / N).
        var policy = SoftmaxPolicy.SingleStep([Math.Log(0.3), Math.Log(0.7)]);
        var points = ReinforceNoise.Measure(policy, [1, -1], [1, 4, 16], repeats: 4000, seed: 3);
        Assert.All(points, p => Assert.Equal(0.42 * Math.Sqrt(2), p.ExactGradientNorm, 12));
        Assert.All(points, p => Assert.InRange(p.RmsError / Math.Sqrt(0.0672 / p.Samples), 0.93, 1.07));
        // The mean of 4000 estimates is within a few standard errors of the exact gradient (unbiased).
        Assert.All(points, p => Assert.True(p.MeanEstimateError < 4 * Math.Sqrt(0.0672 / (p.Samples * 4000.0)), $"N = {p.Samples}: {p.MeanEstimateError}"));
        // The rewarded label has p = 0.3: about 0.3 N R of the N R draws, within 4 binomial standard deviations.
        Assert.All(points, p => Assert.InRange(p.BestRewardDraws, 0.3 * p.Samples * 4000 - 4 * Math.Sqrt(0.21 * p.Samples * 4000),
            0.3 * p.Samples * 4000 + 4 * Math.Sqrt(0.21 * p.Samples * 4000)));
    }

    [Fact]
    public void SampleDrawsTheOutputsOfTheReinforceEstimate()
    {
        // p = (0.3, 0.7), r = (+1, -1), b = 0: with c draws of label 0 among N, the estimate's first component is
        // (c (1 - 0.3) + (N - c) (-1) (0 - 0.3)) / N = (0.7 c + 0.3 (N - c)) / N.
        var policy = SoftmaxPolicy.SingleStep([Math.Log(0.3), Math.Log(0.7)]);
        var draws = policy.Sample(50, seed: 4);
        var c = draws.Count(y => y == 0);
        Assert.InRange(c, 1, 49);
        Assert.Equal((0.7 * c + 0.3 * (50 - c)) / 50, policy.ReinforceGradient([1, -1], 50, seed: 4)[0], 12);
        Assert.Contains("at least 1 sample", Assert.Throws<ArgumentOutOfRangeException>(() => policy.Sample(0, 1)).Message);
    }

    [Fact]
    public void DeterministicPolicyAndConstantAdvantageGiveNoNoise()
    {
        // A deterministic policy has grad log p(y) = e_y - p = 0 for the only output it draws.
        var deterministic = ReinforceNoise.Measure(SoftmaxPolicy.SingleStep([0, -1000, -1000]), [-1, 1, 1], [1, 10], 5, seed: 1);
        Assert.All(deterministic, p => Assert.Equal((0.0, 0.0, 0.0, 0), (p.ExactGradientNorm, p.RmsError, p.MeanEstimateError, p.BestRewardDraws)));
        // With every reward equal to the baseline each sample's term (r - b) grad log p is zero.
        var constant = ReinforceNoise.Measure(SoftmaxPolicy.Random(3, 2, 1, 1, seed: 2), Enumerable.Repeat(0.5, 9).ToArray(), [3], 5, seed: 1, baseline: 0.5);
        Assert.Equal(0.0, constant[0].RmsError, 15);
    }

    [Fact]
    public void SameSeedSameNumbersAndBadInputIsNamed()
    {
        var policy = SoftmaxPolicy.Random(4, 2, 1, 1, seed: 5);
        var rewards = Enumerable.Range(0, 16).Select(y => y % 3 == 0 ? 1.0 : -1.0).ToArray();
        Assert.Equal(ReinforceNoise.Measure(policy, rewards, [7, 70], 6, seed: 9), ReinforceNoise.Measure(policy, rewards, [7, 70], 6, seed: 9));
        Assert.Contains("at least 1 repeat", Assert.Throws<ArgumentOutOfRangeException>(() => ReinforceNoise.Measure(policy, rewards, [7], 0, 1)).Message);
        Assert.Contains("sample count", Assert.Throws<ArgumentException>(() => ReinforceNoise.Measure(policy, rewards, [], 3, 1)).Message);
    }

    [Fact]
    public void LogitFlowGivesTheMonitorProbabilityAndRewardRows()
    {
        var flow = new LogitFlow([2, 0], 4);
        var probabilities = flow.Probabilities(flow.InitialLogits([0.7, 0.1]));
        Assert.Equal([0.1, 0.1, 0.7, 0.1, 0.1, 0.3, 0.3, 0.3], probabilities.Select(p => Math.Round(p, 12)));
        Assert.Equal([-1.0, -1, 1, -1, 1, -1, -1, -1], flow.RewardTable());
        var summary = new RewardStdMonitor(threshold: 0.7).Observe(probabilities, flow.RewardTable(), 4);
        // V = 2p* - 1 and STD = 2 sqrt(p*(1 - p*)): 0.4 and 0.917 for input 0, -0.8 and 0.6 for input 1.
        Assert.Equal(-0.2, summary.MeanExpectedReward, 12);
        Assert.Equal(0.5, summary.FractionBelowThreshold);
        Assert.Contains("2 x 3", Assert.Throws<ArgumentException>(() => flow.Probabilities(Matrix<double>.Build.Dense(2, 3))).Message);
    }

    [Fact]
    public void SnapshotFractionBelowCountsStrictlySmallerStds()
    {
        var snapshot = new SimulationSnapshot(0, [0, 0, 0, 0], [0.05, 0.1, 0.5, 0.01], [0, 0, 0, 0], 0);
        Assert.Equal(0.5, snapshot.FractionBelow(0.1));
        Assert.Equal(0.75, snapshot.FractionBelow(0.11));
    }
}
