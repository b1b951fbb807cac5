namespace Lectures.Interactions;

/// <summary>
/// How the evaluation matrix M[p, q] = f(a_p, b_q) is sampled: P points a_p for X_I and Q points b_q for X_{I^c},
/// seeded. The exact method draws integer entries uniformly from -Range..Range; the numerical method draws
/// doubles uniformly from [-1, 1].
/// </summary>
/// <param name="P">Number of points for X_I (rows of M), >= 1.</param>
/// <param name="Q">Number of points for X_{I^c} (columns of M), >= 1.</param>
/// <param name="Seed">Seed of the point generator.</param>
/// <param name="Range">Exact method: integer entries in -Range..Range, Range >= 1.</param>
public sealed record EvaluationPoints(int P = 120, int Q = 120, int Seed = 0, int Range = 3)
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
