namespace Lectures.Interactions;

/// <summary>
/// Measured separation ranks held against a bound sep ≤ D_h^e(WI): how many rows obey it, how many reach it, and
/// how many it could have failed on (a matrix of P × Q points shows a rank of at most min(P, Q), so a bound at or
/// above that cannot be seen to fail).
/// </summary>
/// <param name="Bound">What was checked, e.g. "sep(f_t; I) ≤ D_h^WI".</param>
/// <param name="Rows">Rows checked.</param>
/// <param name="Violations">Rows whose measured sep exceeds D_h^e(WI) (a correct implementation has none).</param>
/// <param name="Checkable">Rows with D_h^e(WI) &lt; min(P, Q): the measurement could have exceeded the bound.</param>
/// <param name="Reached">Rows whose measured sep equals D_h^e(WI): the bound is tight there.</param>
public sealed record BoundCheck(string Bound, int Rows, int Violations, int Checkable, int Reached)
{
    /// <summary>No violation, and at least one row on which the bound could have failed.</summary>
    public bool Holds => Violations == 0 && Checkable > 0;

    /// <summary>E.g. "sep(f_t; I) ≤ D_h^WI: 0 of 428 rows above, 428 checkable, 97 reach it".</summary>
    public override string ToString() =>
        $"{Bound}: {Violations} of {Rows} rows above, {Checkable} checkable, {Reached} reach it";
}

/// <summary>One walk index with the largest measured separation rank at it and the bound D_h^e(WI).</summary>
/// <param name="WalkIndex">The walk index.</param>
/// <param name="Rows">Rows with this walk index.</param>
/// <param name="LargestSep">The largest measured sep among them.</param>
/// <param name="Bound">D_h^e(WI).</param>
public sealed record WalkIndexMaximum(long WalkIndex, int Rows, int LargestSep, double Bound);

/// <summary>
/// The theorem's bounds as predicates on measured rows (<see cref="InteractionRow"/>), for a product GNN of width
/// D_h. The general bound sep ≤ D_h^(4 WI + 1) and three sharp facts (lecture 03, notebooks/03-walk-index-and-theorem.ipynb, "Sharp facts").
/// </summary>
public static class TheoremBounds
{
    /// <summary>
    /// Depth 2, vertex prediction: sep(f_t; I) ≤ D_h^(WI_{1,t}(I)). f_t = Σ_d w_d Π_{j ∈ N[t]} g_{j,d}; a factor
    /// with j off the boundary depends on t's side only and folds into that side, and each boundary factor has
    /// sep ≤ D_h. WI = 0 gives sep = 1.
    /// </summary>
    public static BoundCheck VertexPredictionDepth2(IEnumerable<InteractionRow> rows, int hiddenWidth) =>
        Against(rows, hiddenWidth, wi => wi, "sep(f_t; I) ≤ D_h^WI₁,ₜ(I) (L = 2)");

    /// <summary>Depth 1, graph prediction: sep(f; I) ≤ D_h for every partition, whatever its walk index.</summary>
    public static BoundCheck GraphPredictionDepth1(IEnumerable<InteractionRow> rows, int hiddenWidth) =>
        Against(rows, hiddenWidth, _ => 1, "sep(f; I) ≤ D_h (L = 1)");

    /// <summary>Any depth, vertex prediction: WI_{L-1,t}(I) = 0 gives sep(f_t; I) = 1 (checked on those rows only).</summary>
    public static BoundCheck ZeroWalkIndex(IEnumerable<InteractionRow> rows, int hiddenWidth) =>
        Against(rows.Where(r => r.WalkIndex == 0), hiddenWidth, _ => 0, "WI = 0 ⇒ sep = 1");

    /// <summary>The general upper bound with the kit's constant: sep ≤ D_h^(4 WI + 1).</summary>
    public static BoundCheck General(IEnumerable<InteractionRow> rows, int hiddenWidth) =>
        Against(rows, hiddenWidth, wi => 4 * wi + 1, "sep ≤ D_h^(4 WI + 1)");

    /// <summary>
    /// The rows against sep ≤ D_h^exponent(WI) for any exponent: the named bounds above call it, and a test feeds
    /// it a wrong exponent (WI − 1) to see it fail.
    /// </summary>
    public static BoundCheck Against(IEnumerable<InteractionRow> rows, int hiddenWidth, Func<long, double> exponent, string bound)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(exponent);
        if (hiddenWidth < 1) throw new ArgumentOutOfRangeException(nameof(hiddenWidth), hiddenWidth, "D_h must be at least 1.");
        var list = rows.ToList();
        double BoundOf(InteractionRow r) => Math.Pow(hiddenWidth, exponent(r.WalkIndex));
        return new BoundCheck(bound, list.Count,
            Violations: list.Count(r => r.MeasuredSep > BoundOf(r)),
            Checkable: list.Count(r => BoundOf(r) < Math.Min(r.Sep.P, r.Sep.Q)),
            Reached: list.Count(r => r.MeasuredSep == BoundOf(r)));
    }

    /// <summary>The largest measured sep at each walk index, with D_h^exponent(WI) beside it, by increasing WI.</summary>
    public static IReadOnlyList<WalkIndexMaximum> MaximaByWalkIndex(IEnumerable<InteractionRow> rows, int hiddenWidth,
        Func<long, double> exponent)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(exponent);
        return rows.GroupBy(r => r.WalkIndex).OrderBy(g => g.Key)
            .Select(g => new WalkIndexMaximum(g.Key, g.Count(), g.Max(r => r.MeasuredSep), Math.Pow(hiddenWidth, exponent(g.Key))))
            .ToList();
    }
}
