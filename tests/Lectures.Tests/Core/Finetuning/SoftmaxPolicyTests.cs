using Lectures.Finetuning;

namespace Lectures.Tests.Core.Finetuning;

public class SoftmaxPolicyTests
{
    [Fact]
    public void TwoLabelsMatchTheHandComputation()
    {
        // z = (0.3, -0.5), r = (1, -1): p1 = sigmoid(0.8), V = 2 p1 - 1, STD = 2 sqrt(p1 p2), dV/dz1 = -dV/dz2 = 2 p1 p2.
        var policy = SoftmaxPolicy.SingleStep([0.3, -0.5]);
        double[] r = [1, -1];
        var p1 = 1 / (1 + Math.Exp(-0.8));
        var e = policy.Evaluate(r);
        Assert.Equal(2 * p1 - 1, e.ExpectedReward, 14);
        Assert.Equal(2 * Math.Sqrt(p1 * (1 - p1)), e.RewardStd, 14);
        Assert.Equal(2 * p1 * (1 - p1), e.Gradient![0], 14);
        Assert.Equal(-2 * p1 * (1 - p1), e.Gradient[1], 14);
    }

    [Fact]
    public void UniformPolicyHasMeanRewardAndPopulationStd()
    {
        double[] r = [1, -1, 0.5, 0, -0.25];
        const double tau = 2;
        var e = SoftmaxPolicy.SingleStep(new double[5], tau).Evaluate(r);
        var mean = r.Average();
        Assert.Equal(mean, e.ExpectedReward, 14);
        Assert.Equal(Math.Sqrt(r.Select(x => (x - mean) * (x - mean)).Average()), e.RewardStd, 14);
        for (var k = 0; k < 5; k++) Assert.Equal((r[k] - mean) / (5 * tau), e.Gradient![k], 14);
    }

    [Fact]
    public void DeterministicPolicyHasZeroStdAndZeroGradient()
    {
        // exp(-1000) underflows to 0, so label 0 has probability exactly 1.
        var e = SoftmaxPolicy.SingleStep([1000, 0, 0]).Evaluate([-0.7, 1, 1]);
        Assert.Equal(-0.7, e.ExpectedReward);
        Assert.Equal(0.0, e.RewardStd);
        Assert.All(e.Gradient!, g => Assert.Equal(0.0, g));
    }

    [Theory]
    [InlineData(7, 1, 1.0, 11)]
    [InlineData(4, 3, 0.7, 12)]
    [InlineData(3, 4, 1.5, 13)]
    public void ExactGradientMatchesCentralFiniteDifferences(int vocabulary, int length, double temperature, int seed)
    {
        var policy = SoftmaxPolicy.Random(vocabulary, length, logitScale: 1.0, temperature, seed);
        var rewards = RandomRewards(policy.SequenceCount, seed);
        var exact = policy.ExactGradient(rewards);
        var fd = FiniteDifferences(policy, l => l.ExpectedReward(rewards));
        Assert.True(RelativeError(exact, fd) < 1e-6, $"relative error {RelativeError(exact, fd)}");
    }

    [Fact]
    public void SequenceProbabilitiesFactorOverPrefixes()
    {
        var policy = SoftmaxPolicy.Random(3, 2, 1.0, 1.0, seed: 5);
        var p = policy.SequenceProbabilities();
        Assert.Equal(1.0, p.Sum(), 14);
        // p(y1 = 2, y2 = 1) = softmax(z_root)[2] * softmax(z_{prefix "2"})[1]; prefix "2" is node 3 (heap order).
        var probs = policy.Probabilities;
        Assert.Equal(probs[2] * probs[3 * 3 + 1], p[policy.SequenceIndex([2, 1])], 15);
    }

    [Fact]
    public void OneStepGradientIsProbabilityTimesAdvantageOverTemperature()
    {
        var rng = new Random(3);
        for (var trial = 0; trial < 200; trial++)
        {
            var k = rng.Next(2, 60);
            var tau = 0.25 + 2 * rng.NextDouble();
            var policy = SoftmaxPolicy.Random(k, 1, 3 * rng.NextDouble(), tau, rng.Next());
            var r = RandomRewards(k, rng.Next());
            var e = policy.Evaluate(r);
            for (var j = 0; j < k; j++)
                Assert.Equal(policy.Probabilities[j] * (r[j] - e.ExpectedReward) / tau, e.Gradient![j], 1e-13);
            Assert.True(e.GradientNorm <= VanishingGradients.OneStepBound(e.RewardStd, tau) * (1 + 1e-12));
        }
    }

    [Fact]
    public void ReinforceIsSeededAndAveragesToTheExactGradient()
    {
        var policy = SoftmaxPolicy.Random(3, 2, 1.0, 1.0, seed: 8);
        var rewards = RandomRewards(policy.SequenceCount, 8);
        var exact = policy.ExactGradient(rewards);
        var v = policy.ExpectedReward(rewards);
        Assert.Equal(policy.ReinforceGradient(rewards, 100, seed: 4), policy.ReinforceGradient(rewards, 100, seed: 4));
        var plain = policy.ReinforceGradient(rewards, 200_000, seed: 1);
        var baselined = policy.ReinforceGradient(rewards, 200_000, seed: 1, baseline: v);
        // Per-component standard error is below 1/sqrt(N) ~ 0.0022 here (|r - b| <= 2, |score| <= 1, 12 components).
        Assert.True(Distance(plain, exact) < 0.02, $"plain {Distance(plain, exact)}");
        Assert.True(Distance(baselined, exact) < 0.02, $"baselined {Distance(baselined, exact)}");
        // With few samples the baseline V removes most of the noise the constant term adds.
        double Spread(double b) => Enumerable.Range(0, 50).Average(s => Distance(policy.ReinforceGradient(rewards, 10, s, b), exact));
        Assert.True(Spread(v) < Spread(-1), $"baseline V spread {Spread(v)}, baseline -1 spread {Spread(-1)}");
    }

    [Fact]
    public void PpoGradientAtThetaOldEqualsThePolicyGradient()
    {
        var policy = SoftmaxPolicy.Random(4, 3, 1.2, 0.8, seed: 21);
        var rewards = RandomRewards(policy.SequenceCount, 21);
        var exact = policy.ExactGradient(rewards);
        var ppo = policy.PpoGradient(policy, rewards, baseline: 0.3);
        Assert.True(Distance(ppo, exact) < 1e-13 * (1 + SoftmaxPolicy.Norm(exact)), $"distance {Distance(ppo, exact)}");
        // At theta = theta_old the surrogate is E[r - b] = V - b, and its finite-difference gradient is grad V too.
        Assert.Equal(policy.ExpectedReward(rewards) - 0.3, policy.PpoSurrogate(policy, rewards, 0.3), 13);
        var fd = FiniteDifferences(policy, l => l.PpoSurrogate(policy, rewards, 0.3));
        Assert.True(RelativeError(exact, fd) < 1e-6, $"relative error {RelativeError(exact, fd)}");
    }

    [Fact]
    public void PpoGradientAwayFromThetaOldMatchesFiniteDifferencesAndDropsClippedOutputs()
    {
        var old = SoftmaxPolicy.Random(3, 2, 1.0, 1.0, seed: 30);
        var moved = old.WithLogits(old.Logits.ToArray().Select((z, j) => z + 0.4 * Math.Sin(3 * j)).ToArray());
        var rewards = RandomRewards(old.SequenceCount, 30);
        var g = moved.PpoGradient(old, rewards, clip: 0.2);
        var fd = FiniteDifferences(moved, l => l.PpoSurrogate(old, rewards, clip: 0.2));
        Assert.True(RelativeError(g, fd) < 1e-6, $"relative error {RelativeError(g, fd)}");
        // Some outputs are clipped here, so the surrogate gradient differs from grad V of the moved policy.
        Assert.True(Distance(g, moved.ExactGradient(rewards)) > 1e-3);
    }

    [Fact]
    public void BadInputGivesClearErrors()
    {
        var reward = Assert.Throws<ArgumentException>(() => SoftmaxPolicy.SingleStep([0, 0]).ExpectedReward([1.2, 0]));
        Assert.Contains("r(0) = 1.2 is outside [-1, 1]", reward.Message);
        var empty = Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxPolicy.SingleStep([]));
        Assert.Contains("K = 0", empty.Message);
        var size = Assert.Throws<ArgumentException>(() => SoftmaxPolicy.SingleStep([0, 0, 0]).ExpectedReward([1, 0]));
        Assert.Contains("3 outputs", size.Message);
        var logits = Assert.Throws<ArgumentException>(() => SoftmaxPolicy.Tabular(3, 2, new double[9]));
        Assert.Contains("4 prefixes x 3 = 12", logits.Message);
        var huge = Assert.Throws<ArgumentException>(() => SoftmaxPolicy.Random(60, 4, 1, 1, seed: 0));
        Assert.Contains("60^4 = 1.296E+07 sequences", huge.Message);
        var tau = Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxPolicy.SingleStep([0, 1], temperature: 0));
        Assert.Contains("got 0", tau.Message);
    }

    internal static double[] RandomRewards(int count, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
    }

    private static double[] FiniteDifferences(SoftmaxPolicy policy, Func<SoftmaxPolicy, double> f, double h = 1e-5)
    {
        var z = policy.Logits.ToArray();
        var fd = new double[z.Length];
        for (var j = 0; j < z.Length; j++)
        {
            var zj = z[j];
            z[j] = zj + h;
            var up = f(policy.WithLogits(z));
            z[j] = zj - h;
            var down = f(policy.WithLogits(z));
            z[j] = zj;
            fd[j] = (up - down) / (2 * h);
        }
        return fd;
    }

    private static double Distance(double[] a, double[] b) => SoftmaxPolicy.Norm(a.Zip(b, (x, y) => x - y).ToArray());

    private static double RelativeError(double[] exact, double[] approx) => Distance(exact, approx) / SoftmaxPolicy.Norm(exact);
}
