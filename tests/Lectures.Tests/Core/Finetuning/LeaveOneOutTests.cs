using Lectures.Finetuning;

namespace Lectures.Tests.Core.Finetuning;

public class LeaveOneOutTests
{
    [Fact]
    public void EachAdvantageSubtractsTheMeanOfTheOtherRewards()
    {
        var advantages = new double[4];
        LeaveOneOut.Advantages([1.0, 0, 0, 1], advantages);
        // b_j, the mean of the other three rewards, is (1/3, 2/3, 2/3, 1/3): A = (1 - 1/3, 0 - 2/3, 0 - 2/3, 1 - 1/3).
        Assert.Equal([2.0 / 3, -2.0 / 3, -2.0 / 3, 2.0 / 3], advantages, (a, b) => Math.Abs(a - b) < 1e-15);
        // sum_j A_j = S - sum_j (S - r_j) / (m - 1) = S - (mS - S) / (m - 1) = 0.
        LeaveOneOut.Advantages([0.3, -0.5, 0.9], advantages.AsSpan(0, 3));
        Assert.Equal(0.0, advantages.Take(3).Sum(), 12);
        Assert.Equal(0.3 - 0.2, advantages[0], 15);
    }

    [Fact]
    public void OneSampleHasNoBaselineAndMismatchedLengthsAreRefused()
    {
        var advantages = new double[1];
        LeaveOneOut.Advantages([0.7], advantages);
        Assert.Equal(0.7, advantages[0]);
        var e = Assert.Throws<ArgumentException>(() => LeaveOneOut.Advantages([1.0, 2.0], new double[3]));
        Assert.Contains("2 rewards and 3 advantages", e.Message);
    }
}
