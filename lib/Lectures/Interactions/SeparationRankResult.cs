namespace Lectures.Interactions;

/// <summary>
/// A certified lower bound on sep(f; I): the rank of a P x Q evaluation matrix M[p, q] = f(a_p, b_q).
/// When the rank reaches min(P, Q) (Saturated) the matrix was too small to see more: the answer is
/// "at least min(P, Q)".
/// </summary>
/// <param name="Rank">rank(M): exact modulo 2^61 - 1, or the number of singular values above the tolerance.</param>
/// <param name="P">Number of points a_p for X_I (rows).</param>
/// <param name="Q">Number of points b_q for X_{I^c} (columns).</param>
/// <param name="Method">How the rank was computed, in words.</param>
/// <param name="SingularValues">Numerical method only: the singular values of the row- and column-normalised M, descending.</param>
/// <param name="RelativeTolerance">Numerical method only: a singular value s counts when s > tolerance * s_max.</param>
public sealed record SeparationRankResult(int Rank, int P, int Q, string Method,
    IReadOnlyList<double>? SingularValues = null, double? RelativeTolerance = null)
{
    /// <summary>Rank = min(P, Q): sep may be larger than what this matrix can show.</summary>
    public bool Saturated => Rank == Math.Min(P, Q);

    /// <summary>"sep >= rank (method, P x Q)", with "saturated" when Rank = min(P, Q).</summary>
    public override string ToString() =>
        $"sep >= {Rank} ({Method}, {P} x {Q} evaluation matrix{(Saturated ? "; saturated: at least min(P, Q), sep may be larger" : "")})";
}
