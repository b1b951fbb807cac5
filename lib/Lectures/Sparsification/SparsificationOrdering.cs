using Lectures.Plotting;

namespace Lectures.Sparsification;

/// <summary>One removal level of <see cref="OrderingCheck"/>: mean accuracy of the method minus the baseline's.</summary>
/// <param name="RemovedPercent">Edges removed, % of the original edges.</param>
/// <param name="DifferencePoints">100 · (mean accuracy of the method − mean accuracy of the baseline), in points.</param>
public sealed record OrderingGap(double RemovedPercent, double DifferencePoints);

/// <summary>
/// The talk's ordering claim on a summary of a sparsification experiment: at every level from 0 to
/// <paramref name="UpToPercent"/>, method ≥ baseline − <paramref name="TolerancePoints"/> (mean accuracies).
/// </summary>
/// <param name="Method">E.g. "1-WIS".</param>
/// <param name="Baseline">E.g. "random".</param>
/// <param name="UpToPercent">The largest removal level checked.</param>
/// <param name="TolerancePoints">How many points below the baseline still count as "at".</param>
/// <param name="Gaps">The levels checked (those where both series have a point), in increasing order.</param>
public sealed record OrderingCheck(string Method, string Baseline, double UpToPercent, double TolerancePoints,
    IReadOnlyList<OrderingGap> Gaps)
{
    /// <summary>
    /// At least one level was compared and none falls below the baseline by more than the tolerance (up to 1e-9
    /// points of rounding: 100 · (0.79 − 0.80) is −1.0000000000000009 in doubles).
    /// </summary>
    public bool Holds => Gaps.Count > 0 && Gaps.All(g => g.DifferencePoints >= -TolerancePoints - 1e-9);

    /// <summary>The smallest difference (the level where the method comes closest to, or falls below, the baseline).</summary>
    public OrderingGap Closest => Gaps.MinBy(g => g.DifferencePoints)
        ?? throw new InvalidOperationException($"No level up to {UpToPercent}% has both {Method} and {Baseline}.");

    /// <summary>E.g. "1-WIS − random at 10–70% removed: +1.5 … +2.7 points (smallest +1.5 at 10%)".</summary>
    public override string ToString() => Gaps.Count == 0
        ? $"{Method} − {Baseline}: no common level up to {UpToPercent}%"
        : $"{Method} − {Baseline} at {Gaps[0].RemovedPercent}–{Gaps[^1].RemovedPercent}% removed: " +
          $"{Gaps.Min(g => g.DifferencePoints):+0.0;−0.0} … {Gaps.Max(g => g.DifferencePoints):+0.0;−0.0} points " +
          $"(smallest {Closest.DifferencePoints:+0.0;−0.0} at {Closest.RemovedPercent}%)";
}

/// <summary>Predicates on accuracy-vs-edges-removed summaries (points with Mean = test accuracy as a fraction).</summary>
public static class SparsificationOrdering
{
    /// <summary>
    /// Whether <paramref name="method"/> stays at or above <paramref name="baseline"/>: the gaps
    /// 100 · (mean_method − mean_baseline) at every level 0 &lt; p ≤ <paramref name="upToPercent"/> where both have a
    /// point (0% is left out: there every method trains on the same full graph), each required to be
    /// ≥ −<paramref name="tolerancePoints"/>.
    /// </summary>
    public static OrderingCheck AtOrAbove(IEnumerable<SeriesPoint> summary, string method, string baseline,
        double upToPercent, double tolerancePoints = 0)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseline);
        if (tolerancePoints < 0)
            throw new ArgumentOutOfRangeException(nameof(tolerancePoints), tolerancePoints, "The tolerance must be at least 0 points.");
        var list = summary.ToList();
        foreach (var name in new[] { method, baseline })
            if (!list.Any(p => p.Series == name))
                throw new ArgumentException(
                    $"The summary has no series '{name}'; it has {string.Join(", ", list.Select(p => p.Series).Distinct())}.",
                    nameof(summary));
        var base_ = list.Where(p => p.Series == baseline).ToDictionary(p => p.X, p => p.Mean);
        var gaps = list.Where(p => p.Series == method && p.X > 0 && p.X <= upToPercent && base_.ContainsKey(p.X))
            .OrderBy(p => p.X).Select(p => new OrderingGap(p.X, 100 * (p.Mean - base_[p.X]))).ToList();
        return new OrderingCheck(method, baseline, upToPercent, tolerancePoints, gaps);
    }
}
