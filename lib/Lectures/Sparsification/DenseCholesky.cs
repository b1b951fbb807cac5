using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lectures.Sparsification;

/// <summary>
/// Dense Cholesky factorisation A = G G^T of a symmetric positive definite matrix, and the inverse factor G^{-1},
/// both in the dot-product (Crout) form over contiguous rows, rows processed in blocks so that each earlier row is
/// read once per block (the working set of a block stays in cache). n^3/3 flops each.
/// </summary>
internal static class DenseCholesky
{
    private const int RowBlock = 32;

    /// <summary>G as rows: g[i] has length i + 1 (the lower triangle). <paramref name="lower"/> holds A's lower triangle and is overwritten.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[][] Factor(double[][] lower)
    {
        var n = lower.Length;
        for (var i0 = 0; i0 < n; i0 += RowBlock)
        {
            var i1 = Math.Min(n, i0 + RowBlock);
            for (var j = 0; j < i0; j++)
                for (var i = i0; i < i1; i++)
                    lower[i][j] = (lower[i][j] - Dot(lower[i], lower[j], 0, j)) / lower[j][j];
            for (var i = i0; i < i1; i++)
            {
                for (var j = i0; j < i; j++)
                    lower[i][j] = (lower[i][j] - Dot(lower[i], lower[j], 0, j)) / lower[j][j];
                var pivot = lower[i][i] - Dot(lower[i], lower[i], 0, i);
                if (!(pivot > 0))
                    throw new InvalidOperationException($"The matrix is not positive definite (pivot {pivot} at row {i}).");
                lower[i][i] = Math.Sqrt(pivot);
            }
        }
        return lower;
    }

    /// <summary>
    /// The rows of (G^{-1})^T: w[j][i] = (G^{-1})_{ij} (zero for i &lt; j), from
    /// (G^{-1})_{ij} = -(Σ_{k=j..i-1} G_{ik} (G^{-1})_{kj}) / G_{ii}, (G^{-1})_{jj} = 1 / G_{jj}.
    /// Then (A^{-1})_{ab} = Σ_i w[a][i] w[b][i].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[][] InverseTransposed(double[][] g)
    {
        var n = g.Length;
        var w = new double[n][];
        for (var j = 0; j < n; j++)
        {
            w[j] = new double[n];
            w[j][j] = 1 / g[j][j];
        }
        for (var i0 = 0; i0 < n; i0 += RowBlock)
        {
            var i1 = Math.Min(n, i0 + RowBlock);
            for (var j = 0; j < i1; j++)
                for (var i = Math.Max(i0, j + 1); i < i1; i++)
                    w[j][i] = -Dot(g[i], w[j], j, i) / g[i][i];
        }
        return w;
    }

    /// <summary>Σ_{k = from..to-1} a[k] b[k], vectorised.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(double[] a, double[] b, int from, int to)
    {
        ref var x = ref MemoryMarshal.GetArrayDataReference(a);
        ref var y = ref MemoryMarshal.GetArrayDataReference(b);
        var width = Vector<double>.Count;
        var acc = Vector<double>.Zero;
        var k = from;
        for (; k <= to - width; k += width)
            acc += Vector.LoadUnsafe(ref x, (nuint)k) * Vector.LoadUnsafe(ref y, (nuint)k);
        var sum = Vector.Sum(acc);
        for (; k < to; k++) sum += a[k] * b[k];
        return sum;
    }
}
