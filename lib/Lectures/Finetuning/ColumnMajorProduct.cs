using System.Numerics;

namespace Lectures.Finetuning;

/// <summary>C = A B for dense column-major arrays, parallel over the columns of C and SIMD down each column
/// (C[:, j] = sum_l B[l, j] A[:, l]); several times faster than the managed MathNet provider at simulator sizes.</summary>
internal static class ColumnMajorProduct
{
    public static void Multiply(double[] a, int rows, int inner, double[] b, int columns, double[] c)
    {
        Parallel.For(0, columns, j =>
        {
            var cj = c.AsSpan(j * rows, rows);
            cj.Clear();
            var bj = b.AsSpan(j * inner, inner);
            var l = 0;
            // Four columns of A per pass, so each stretch of C[:, j] is loaded and stored once per four updates.
            for (; l + 4 <= inner; l += 4)
                Update(cj, a, rows, l, bj[l], bj[l + 1], bj[l + 2], bj[l + 3]);
            for (; l < inner; l++)
            {
                var al = a.AsSpan(l * rows, rows);
                for (var r = 0; r < rows; r++) cj[r] += bj[l] * al[r];
            }
        });
    }

    // C[:, j] += s0 A[:, l] + s1 A[:, l+1] + s2 A[:, l+2] + s3 A[:, l+3].
    private static void Update(Span<double> cj, double[] a, int rows, int l, double s0, double s1, double s2, double s3)
    {
        var a0 = a.AsSpan(l * rows, rows);
        var a1 = a.AsSpan((l + 1) * rows, rows);
        var a2 = a.AsSpan((l + 2) * rows, rows);
        var a3 = a.AsSpan((l + 3) * rows, rows);
        var width = Vector<double>.Count;
        var vectorEnd = rows - rows % width;
        Vector<double> v0 = new(s0), v1 = new(s1), v2 = new(s2), v3 = new(s3);
        var i = 0;
        for (; i < vectorEnd; i += width)
            (new Vector<double>(cj[i..]) + new Vector<double>(a0[i..]) * v0 + new Vector<double>(a1[i..]) * v1
                + new Vector<double>(a2[i..]) * v2 + new Vector<double>(a3[i..]) * v3).CopyTo(cj[i..]);
        for (; i < rows; i++) cj[i] += s0 * a0[i] + s1 * a1[i] + s2 * a2[i] + s3 * a3[i];
    }
}
