namespace Lectures.Interactions;

/// <summary>
/// How the evaluation matrix M[p, q] = f(a_p, b_q) is sampled: P points a_p for X_I and Q points b_q for X_{I^c},
/// seeded. The exact method draws integer entries uniformly from -Range..Range; the numerical method draws
/// doubles uniformly from [-1, 1].
/// Range must far exceed the degree of f in each variable: a nonzero polynomial of degree d vanishes at a uniform
/// point of S^N with probability at most d / |S| (Schwartz–Zippel), so small integer points (e.g. -3..3) make the
/// rank undercount for deep GNNs (measured: two 3-cliques, L = 2, partition {0, 1, 3}: rank 71, 82, 98, 110 at
/// P = Q = 100, 120, 160, 200 with Range 3, but 121 from P = 160 on with Range 1000 or more).
/// </summary>
/// <param name="P">Number of points for X_I (rows of M), >= 1.</param>
/// <param name="Q">Number of points for X_{I^c} (columns of M), >= 1.</param>
/// <param name="Seed">Seed of the point generator.</param>
/// <param name="Range">Exact method: integer entries in -Range..Range, Range >= 1 (values are reduced mod 2^61 - 1, so large is free).</param>
public sealed record EvaluationPoints(int P = 200, int Q = 200, int Seed = 0, int Range = 1_000_000)
{
    /// <summary>Throws an ArgumentException naming the bad field unless P, Q, Range >= 1.</summary>
    internal void Validate()
    {
        if (P < 1 || Q < 1)
            throw new ArgumentException($"An evaluation matrix needs P, Q >= 1 points, got P = {P}, Q = {Q}.");
        if (Range < 1)
            throw new ArgumentException($"Integer points need Range >= 1 (entries in -Range..Range), got {Range}.");
    }
}
