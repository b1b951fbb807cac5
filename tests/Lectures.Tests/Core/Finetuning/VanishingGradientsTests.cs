using Lectures.Finetuning;

namespace Lectures.Tests.Core.Finetuning;

public class VanishingGradientsTests
{
    [Fact]
    public void TheoremOneBoundHoldsOnTenThousandRandomPolicies()
    {
        double[] temperatures = [0.5, 1, 2];
        var points = VanishingGradients.RandomPolicies(7000, 1, 1000, temperatures, seed: 1)
            .Concat(VanishingGradients.RandomPolicies(1500, 2, 30, temperatures, seed: 2))
            .Concat(VanishingGradients.RandomPolicies(1000, 3, 12, temperatures, seed: 3))
            .Concat(VanishingGradients.RandomPolicies(500, 4, 8, temperatures, seed: 4))
            .ToList();
        Assert.Equal(10_000, points.Count);
        var worst = points.MaxBy(p => p.Ratio)!;
        Assert.True(worst.Ratio <= 1, $"bound exceeded: {worst}");
        // The sample reaches well into small STD, where the bound forces small gradients.
        Assert.True(points.Count(p => p.RewardStd < 1e-3) > 200);
        Assert.All(points.Where(p => p.Length == 1), p =>
            Assert.True(p.GradientNorm <= VanishingGradients.OneStepBound(p.RewardStd, p.Temperature) * (1 + 1e-12)));
    }

    [Fact]
    public void TheoremOneBoundHoldsAtTheLargestEnumeratedSize()
    {
        // |V| = 56, T = 4: 9,834,496 outputs, just under the enumeration limit.
        var policy = SoftmaxPolicy.Random(56, 4, logitScale: 4, temperature: 0.5, seed: 9);
        var rewards = SoftmaxPolicyTests.RandomRewards(policy.SequenceCount, 9);
        var point = VanishingGradients.Measure(policy, rewards);
        Assert.Equal(9_834_496, policy.SequenceCount);
        Assert.True(point.Ratio <= 1, point.ToString());
        Assert.Equal(6 * 4 * 2 * Math.Pow(point.RewardStd, 2.0 / 3), point.Bound, 12);
    }

    [Fact]
    public void PoorRewardFamilyHasVanishingGradientWhileRewardStaysFarFromBest()
    {
        double[] eps = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6];
        var family = VanishingGradients.PoorRewardFamily(10, eps);
        for (var i = 0; i < eps.Length; i++)
        {
            var p = family[i];
            Assert.Equal(2 * eps[i] - 1, p.ExpectedReward, 12);
            Assert.Equal(2 * Math.Sqrt(eps[i] * (1 - eps[i])), p.RewardStd, 12);
            // ||grad|| = sqrt(p*^2 (1 - V)^2 + (K - 1) q^2 (1 + V)^2) with q = (1 - eps) / 9: closed form.
            var q = (1 - eps[i]) / 9;
            var v = 2 * eps[i] - 1;
            Assert.Equal(Math.Sqrt(eps[i] * eps[i] * (1 - v) * (1 - v) + 9 * q * q * (1 + v) * (1 + v)), p.GradientNorm, 12);
            Assert.True(p.BestReward - p.ExpectedReward > 1.7);
        }
        Assert.True(family[^1].GradientNorm < 3e-6);
    }
}
