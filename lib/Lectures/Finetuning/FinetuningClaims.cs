namespace Lectures.Finetuning;

/// <summary>
/// The claims of Part 2 that the lectures assert, as predicates over measured numbers. Each returns false on numbers
/// that contradict its claim (a bound with the wrong exponent, a slope of -1, a small-std group that kept up), so a
/// lecture's check built on it fails when what it measures is wrong.
/// </summary>
public static class FinetuningClaims
{
    /// <summary>Relative slack for rounding in the bound comparisons: a &lt;= b (1 + 1e-12).</summary>
    const double Rounding = 1e-12;

    /// <summary>
    /// Theorem 1 on measured policies: ||grad V(x)|| &lt;= 6 T gamma STD(x)^{2/3} for every point, with the bound each
    /// point carries (<see cref="GradientStdPoint.Bound"/>). False when any gradient exceeds its bound.
    /// </summary>
    public static bool UnderTheoremOneBound(IEnumerable<GradientStdPoint> points)
    {
        var list = NonEmpty(points, nameof(points));
        return list.All(p => p.GradientNorm <= p.Bound * (1 + Rounding));
    }

    /// <summary>
    /// The one-step bound ||grad_z V|| &lt;= STD / tau (from dV/dz_k = (1/tau) p_k (r_k - V) and Cauchy-Schwarz) for
    /// every point. Only single-step policies (T = 1) qualify; a longer one is refused by name.
    /// </summary>
    public static bool UnderOneStepBound(IEnumerable<GradientStdPoint> points)
    {
        var list = NonEmpty(points, nameof(points));
        var longer = list.FirstOrDefault(p => p.Length != 1);
        if (longer is not null)
            throw new ArgumentException($"The one-step bound holds for single-step policies (T = 1); got a policy with T = {longer.Length}.", nameof(points));
        return list.All(p => p.GradientNorm <= VanishingGradients.OneStepBound(p.RewardStd, p.Temperature) * (1 + Rounding));
    }

    /// <summary>
    /// The exponent b of the gradient's decay with the reward std on the measured points: the least-squares slope of
    /// ln(max ||grad V|| / (T gamma)) against ln(upper STD) over the decades of STD (10^-k-1, 10^-k] below
    /// <paramref name="largestStd"/> that hold at least <paramref name="minimumPerDecade"/> points. Theorem 1 allows
    /// b = 2/3; a gradient that falls like STD^2 gives b = 2.
    /// </summary>
    public static double DecayExponent(IEnumerable<GradientStdPoint> points, double largestStd = 0.1, int minimumPerDecade = 5)
    {
        var list = NonEmpty(points, nameof(points));
        if (!(largestStd > 0 && largestStd <= 1))
            throw new ArgumentOutOfRangeException(nameof(largestStd), largestStd, $"The largest STD must be in (0, 1]; got {largestStd}.");
        var top = Math.Log10(largestStd);
        var decades = list.Where(p => p.RewardStd > 0 && p.RewardStd <= largestStd)
            .GroupBy(p => (int)Math.Floor(top - Math.Log10(p.RewardStd)))
            .Where(g => g.Count() >= minimumPerDecade)
            .Select(g => (LogStd: (top - g.Key) * Math.Log(10), LogGradient: Math.Log(g.Max(ScaledGradient))))
            .ToArray();
        if (decades.Length < 2)
            throw new ArgumentException(
                $"Fitting a decay exponent needs at least 2 decades of STD below {largestStd} with {minimumPerDecade} or more points each; got {decades.Length}.",
                nameof(points));
        return MathNet.Numerics.Fit.Line(decades.Select(d => d.LogStd).ToArray(), decades.Select(d => d.LogGradient).ToArray()).B;
    }

    /// <summary>
    /// The RFT-vs-SFT theorem's RFT half in numbers: the fitted slope of ln T_RFT against ln STD_0 is -2 within
    /// <paramref name="tolerance"/> (time proportional to 1/STD_0^2) and the fit has R^2 &gt;= <paramref name="minimumRSquared"/>.
    /// </summary>
    public static bool RftTimeScalesAsInverseStdSquared(TimeScaling scaling, double tolerance = 0.1, double minimumRSquared = 0.999) =>
        Math.Abs(scaling.RftSlope + 2) <= tolerance && scaling.RftRSquared >= minimumRSquared;

    /// <summary>
    /// The SFT half: T_SFT is a straight line in ln(1/STD_0) (R^2 &gt;= <paramref name="minimumRSquared"/>) with a positive
    /// slope below 2, so SFT's time grows like ln(1/STD_0), not like a power of 1/STD_0.
    /// </summary>
    public static bool SftTimeScalesAsLogInverseStd(TimeScaling scaling, double minimumRSquared = 0.99) =>
        scaling.SftRSquared >= minimumRSquared && scaling.SftSlope > 0 && scaling.SftSlope < 2;

    /// <summary>
    /// "Small-std inputs left behind": the large-std group gained (its mean reward rose) while the small-std group gained
    /// at most <paramref name="share"/> of that, gain = final mean V - initial mean V of the group.
    /// </summary>
    public static bool SmallStdInputsLeftBehind(double smallStdGain, double largeStdGain, double share = 0.1)
    {
        if (!(share >= 0 && share < 1))
            throw new ArgumentOutOfRangeException(nameof(share), share, $"The share must be in [0, 1); got {share}.");
        return largeStdGain > 0 && smallStdGain <= share * largeStdGain;
    }

    static double ScaledGradient(GradientStdPoint p) => p.GradientNorm * p.Temperature / p.Length;

    static List<GradientStdPoint> NonEmpty(IEnumerable<GradientStdPoint> points, string name)
    {
        var list = points.ToList();
        if (list.Count == 0)
            throw new ArgumentException("At least one measured policy is needed.", name);
        return list;
    }
}
