using Lectures.Finetuning;

namespace Lectures.Tests.Core.Finetuning;

/// <summary>The predicates behind Part 2's lecture checks hold on the kit's measurements and fail on wrong numbers.</summary>
public class FinetuningClaimsTests
{
    /// <summary>A single-step policy at tau = 1 with the given STD and gradient, and a bound 6 STD^exponent.</summary>
    static GradientStdPoint Point(double std, double gradient, double exponent = 2.0 / 3) =>
        new(VocabularySize: 10, Length: 1, Temperature: 1, ExpectedReward: -0.9, BestReward: 1,
            RewardStd: std, GradientNorm: gradient, Bound: 6 * Math.Pow(std, exponent));

    [Fact]
    public void TheoremOneBoundHoldsOnMeasuredPoliciesAndFailsWithExponentOne()
    {
        var measured = VanishingGradients.RandomPolicies(200, 2, 12, [0.5, 1, 2], seed: 5);
        Assert.True(FinetuningClaims.UnderTheoremOneBound(measured));
        // STD = 0.01, ||grad V|| = 0.1: under 6 STD^{2/3} = 0.278, over the exponent-1 bound 6 STD = 0.06.
        Assert.True(FinetuningClaims.UnderTheoremOneBound([Point(0.01, 0.1)]));
        Assert.False(FinetuningClaims.UnderTheoremOneBound([Point(0.01, 0.1, exponent: 1)]));
        Assert.Throws<ArgumentException>(() => FinetuningClaims.UnderTheoremOneBound([]));
    }

    [Fact]
    public void OneStepBoundHoldsOnSingleStepPoliciesAndFailsAboveStdOverTau()
    {
        var measured = VanishingGradients.RandomPolicies(200, 1, 50, [0.5, 1, 2], seed: 6);
        Assert.True(FinetuningClaims.UnderOneStepBound(measured));
        Assert.True(FinetuningClaims.UnderOneStepBound([Point(0.2, 0.2)]));
        Assert.False(FinetuningClaims.UnderOneStepBound([Point(0.2, 0.21)]));
        var twoSteps = Point(0.2, 0.1) with { Length = 2 };
        var error = Assert.Throws<ArgumentException>(() => FinetuningClaims.UnderOneStepBound([twoSteps]));
        Assert.Contains("T = 2", error.Message);
    }

    [Fact]
    public void DecayExponentIsTwoOnTheConfidentlyWrongFamilyAndTwoThirdsOnTheBoundItself()
    {
        // ||grad V|| = 2 eps (1 - eps) sqrt(10/9) and STD = 2 sqrt(eps (1 - eps)): ||grad V|| = sqrt(10/9) STD^2 / 2.
        var eps = Enumerable.Range(0, 60).Select(i => Math.Pow(10, -2 - 0.1 * i)).ToArray();
        var family = VanishingGradients.PoorRewardFamily(10, eps);
        Assert.Equal(2, FinetuningClaims.DecayExponent(family, largestStd: 0.2), 0.05);
        // A gradient that sits on the bound, 6 STD^{2/3}, is what a wrong (too weak) decay looks like.
        var onTheBound = family.Select(p => p with { GradientNorm = p.Bound }).ToList();
        Assert.Equal(2.0 / 3, FinetuningClaims.DecayExponent(onTheBound, largestStd: 0.2), 0.02);
        Assert.Throws<ArgumentException>(() => FinetuningClaims.DecayExponent(family.Take(3), largestStd: 0.2));
    }

    [Fact]
    public void RftAndSftTimeLawsHoldOnTheSimulatorAndFailOnWrongSlopes()
    {
        var scaling = RftVersusSft.TimesVersusInitialStd(10, [1e-2, 1e-3, 1e-4]);
        Assert.True(FinetuningClaims.RftTimeScalesAsInverseStdSquared(scaling));
        Assert.True(FinetuningClaims.SftTimeScalesAsLogInverseStd(scaling));
        Assert.False(FinetuningClaims.RftTimeScalesAsInverseStdSquared(scaling with { RftSlope = -1 }));
        Assert.False(FinetuningClaims.RftTimeScalesAsInverseStdSquared(scaling with { RftRSquared = 0.95 }));
        // SFT taking RFT's power law (slope 2 in ln(1/STD), poor straight-line fit) is not O(ln 1/STD).
        Assert.False(FinetuningClaims.SftTimeScalesAsLogInverseStd(scaling with { SftRSquared = 0.9 }));
        Assert.False(FinetuningClaims.SftTimeScalesAsLogInverseStd(scaling with { SftSlope = 2.5 }));
    }

    [Fact]
    public void SmallStdInputsLeftBehindOnlyWhenTheLargeStdGroupGainsAndTheSmallOneDoesNot()
    {
        var batch = RftVersusSft.BatchVersusInput(inputs: 12, smallStdInputs: 3, endTime: 2000, snapshots: 5);
        double Gain(int[] group) => batch.MeanExpectedReward(group)[^1] - batch.MeanExpectedReward(group)[0];
        Assert.True(FinetuningClaims.SmallStdInputsLeftBehind(Gain(batch.SmallStdInputs), Gain(batch.LargeStdInputs)));
        Assert.False(FinetuningClaims.SmallStdInputsLeftBehind(smallStdGain: 1.2, largeStdGain: 1.4));
        Assert.False(FinetuningClaims.SmallStdInputsLeftBehind(smallStdGain: 0, largeStdGain: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FinetuningClaims.SmallStdInputsLeftBehind(0, 1, share: 1));
    }
}
