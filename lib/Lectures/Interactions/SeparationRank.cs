using Lectures.Walks;

namespace Lectures.Interactions;

/// <summary>
/// Estimates sep(f; I) = min R such that f(X) = Σ_{r=1..R} g_r(X_I) g'_r(X_{I^c}) from below by the rank of an
/// evaluation matrix M[p, q] = f(a_p, b_q), a_p values of X_I, b_q values of X_{I^c}: rank(M) &lt;= sep(f; I),
/// with equality for generic points once P, Q >= sep.
/// Exact: integer points, rank modulo p = 2^61 - 1 by Gaussian elimination (rank mod p &lt;= rank over Q, equal
/// except with tiny probability). Numerical: singular values of M after normalising rows then columns to unit
/// 2-norm (MathNet managed provider), rank = number above RelativeTolerance * s_max.
/// </summary>
public static class SeparationRank
{
    /// <summary>The default relative tolerance of the numerical method: s counts when s > 1e-10 s_max.</summary>
    public const double DefaultRelativeTolerance = 1e-10;

    /// <summary>The exact lower bound: rank modulo 2^61 - 1 of M over integer points (f must have a modular evaluation).</summary>
    public static SeparationRankResult Exact(FeatureFunction f, IEnumerable<int> I, EvaluationPoints? points = null)
    {
        points ??= new EvaluationPoints();
        var m = ModularEvaluationMatrix(f, I, points);
        return new SeparationRankResult(RankModPrime(m), points.P, points.Q, "exact rank mod 2^61-1");
    }

    /// <summary>The numerical lower bound: number of singular values of the normalised M above relativeTolerance * s_max.</summary>
    public static SeparationRankResult Numerical(FeatureFunction f, IEnumerable<int> I, EvaluationPoints? points = null,
        double relativeTolerance = DefaultRelativeTolerance)
    {
        points ??= new EvaluationPoints();
        return NumericalRank(EvaluationMatrix(f, I, points), relativeTolerance);
    }

    /// <summary>M[p, q] = f(a_p, b_q) mod 2^61 - 1, with integer points drawn from -Range..Range (seeded).</summary>
    public static long[,] ModularEvaluationMatrix(FeatureFunction f, IEnumerable<int> I, EvaluationPoints points)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!f.HasModularEvaluation)
            throw new ArgumentException(
                $"{f.Name} has no exact evaluation modulo p: the exact method needs a polynomial with integer coefficients " +
                "(FeatureFunction.FromPolynomial, or ProductGnn.RandomInteger); use SeparationRank.Numerical for other functions.", nameof(f));
        var rng = new Random(points.Seed);
        return Build(f, I, points, () => PrimeField.Reduce(rng.NextInt64(-points.Range, points.Range + 1L)), f.EvaluateResidues);
    }

    /// <summary>M[p, q] = f(a_p, b_q) in doubles, with point entries drawn uniformly from [-1, 1] (seeded).</summary>
    public static double[,] EvaluationMatrix(FeatureFunction f, IEnumerable<int> I, EvaluationPoints points)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!f.HasRealEvaluation)
            throw new ArgumentException($"{f.Name} has no real evaluation; use SeparationRank.Exact.", nameof(f));
        var rng = new Random(points.Seed);
        return Build(f, I, points, () => 2 * rng.NextDouble() - 1, f.EvaluateUnchecked);
    }

    /// <summary>The rank of an integer matrix modulo p = 2^61 - 1 (entries reduced first), by Gaussian elimination in O(P Q min(P, Q)).</summary>
    public static int RankModPrime(long[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int rows = matrix.GetLength(0), cols = matrix.GetLength(1);
        var a = new long[matrix.Length];
        var k = 0;
        foreach (var x in matrix) a[k++] = PrimeField.Reduce(x);
        var rank = 0;
        for (var c = 0; c < cols && rank < rows; c++)
        {
            var pivot = rank;
            while (pivot < rows && a[pivot * cols + c] == 0) pivot++;
            if (pivot == rows) continue;
            var top = a.AsSpan(rank * cols + c, cols - c);
            if (pivot != rank)
            {
                var other = a.AsSpan(pivot * cols + c, cols - c);
                for (var j = 0; j < top.Length; j++) (top[j], other[j]) = (other[j], top[j]);
            }
            var inverse = PrimeField.Inverse(top[0]);
            for (var j = 0; j < top.Length; j++) top[j] = PrimeField.Multiply(top[j], inverse);
            for (var r = rank + 1; r < rows; r++)
            {
                var row = a.AsSpan(r * cols + c, cols - c);
                if (row[0] == 0) continue;
                // row -= row[0] * top, as row + (p - row[0]) * top.
                var negated8 = (ulong)(PrimeField.Prime - row[0]) << 3;
                for (var j = 0; j < row.Length; j++) row[j] = PrimeField.MultiplyAdd(negated8, top[j], row[j]);
            }
            rank++;
        }
        return rank;
    }

    /// <summary>
    /// The numerical rank of M: rows then columns scaled to unit 2-norm (zero ones left), singular values s_1 >= s_2 >= ...
    /// (MathNet, managed provider), rank = #{k : s_k > relativeTolerance * s_1}.
    /// </summary>
    public static SeparationRankResult NumericalRank(double[,] matrix, double relativeTolerance = DefaultRelativeTolerance)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (!(relativeTolerance is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), relativeTolerance, $"The relative tolerance must be in (0, 1), got {relativeTolerance}.");
        foreach (var x in matrix)
            if (!double.IsFinite(x))
                throw new ArgumentException($"The evaluation matrix holds {x}; every f(a_p, b_q) must be finite (rescale the points or use the exact method).", nameof(matrix));
        int rows = matrix.GetLength(0), cols = matrix.GetLength(1);
        // MathNet stores dense matrices column-major: values[j * rows + i] = M[i, j]. Scale in that storage.
        var dense = MathNet.Numerics.LinearAlgebra.Double.DenseMatrix.Create(rows, cols, 0.0);
        var values = dense.Values;
        var rowScale = new double[rows];
        for (var j = 0; j < cols; j++)
            for (var i = 0; i < rows; i++)
            {
                var v = values[j * rows + i] = matrix[i, j];
                rowScale[i] += v * v;
            }
        for (var i = 0; i < rows; i++) rowScale[i] = Inverse(Math.Sqrt(rowScale[i]));
        for (var j = 0; j < cols; j++)
        {
            var column = values.AsSpan(j * rows, rows);
            var squares = 0.0;
            for (var i = 0; i < rows; i++)
            {
                column[i] *= rowScale[i];
                squares += column[i] * column[i];
            }
            var columnScale = Inverse(Math.Sqrt(squares));
            for (var i = 0; i < rows; i++) column[i] *= columnScale;
        }
        var singular = dense.Svd(computeVectors: false).S.ToArray();
        var threshold = relativeTolerance * (singular.Length > 0 ? singular[0] : 0);
        var rank = singular.Count(s => s > threshold && s > 0);
        return new SeparationRankResult(rank, rows, cols,
            $"numerical rank, singular values above {relativeTolerance:g3} s_max", singular, relativeTolerance);
    }

    private static double Inverse(double norm) => norm > 0 ? 1 / norm : 0;

    private static TValue[,] Build<TValue>(FeatureFunction f, IEnumerable<int> I, EvaluationPoints points, Func<TValue> draw, Func<TValue[,], TValue> evaluate)
    {
        ArgumentNullException.ThrowIfNull(points);
        points.Validate();
        var side = Partition.VertexSet(f.VertexCount, I, "I");
        var inI = new bool[f.VertexCount];
        foreach (var v in side) inI[v] = true;
        var complement = Enumerable.Range(0, f.VertexCount).Where(v => !inI[v]).ToArray();
        var d = f.InputWidth;
        var a = Draw(points.P, side.Length * d, draw);
        var b = Draw(points.Q, complement.Length * d, draw);
        var x = new TValue[f.VertexCount, d];
        var m = new TValue[points.P, points.Q];
        for (var p = 0; p < points.P; p++)
        {
            Place(x, side, a[p], d);
            for (var q = 0; q < points.Q; q++)
            {
                Place(x, complement, b[q], d);
                m[p, q] = evaluate(x);
            }
        }
        return m;
    }

    private static TValue[][] Draw<TValue>(int count, int length, Func<TValue> draw)
    {
        var result = new TValue[count][];
        for (var i = 0; i < count; i++)
        {
            result[i] = new TValue[length];
            for (var k = 0; k < length; k++) result[i][k] = draw();
        }
        return result;
    }

    private static void Place<TValue>(TValue[,] x, int[] vertices, TValue[] values, int d)
    {
        for (var r = 0; r < vertices.Length; r++)
            for (var k = 0; k < d; k++)
                x[vertices[r], k] = values[r * d + k];
    }
}
