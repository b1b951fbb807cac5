using Lectures.Graphs;

namespace Lectures.Sparsification;

/// <summary>
/// Solves L z = b for the graph Laplacian L = D - A, <see cref="Block"/> right-hand sides at once (stored
/// interleaved: entry (v, j) at v * Block + j), by conjugate gradients with the Jacobi preconditioner D^{-1}.
/// Each b must sum to zero on every connected component (true for b = B^T q); isolated vertices get z = 0.
/// Each column stops at ||r|| &lt;= tolerance ||b||.
/// </summary>
internal sealed class LaplacianSolver(Graph graph, double tolerance)
{
    public const int Block = 8;

    private const int MaxIterations = 10_000;

    public double[] Solve(double[] b)
    {
        var n = graph.VertexCount;
        var offsets = graph.RowOffsets.ToArray();
        var adjacency = graph.Adjacency.ToArray();
        var z = new double[n * Block];
        var r = (double[])b.Clone();
        var p = new double[n * Block];
        var s = new double[n * Block];
        var q = new double[n * Block];
        var rz = new double[Block];
        var stop = new double[Block];
        var active = new bool[Block];
        Precondition(r, s, offsets);
        Dot(r, s, rz);
        var bb = new double[Block];
        Dot(b, b, bb);
        for (var j = 0; j < Block; j++)
        {
            stop[j] = tolerance * tolerance * bb[j];
            active[j] = bb[j] > 0;
        }
        Array.Copy(s, p, p.Length);
        var pq = new double[Block];
        var rr = new double[Block];
        for (var it = 0; it < MaxIterations && active.Any(a => a); it++)
        {
            Multiply(p, q, offsets, adjacency);
            Dot(p, q, pq);
            var alpha = new double[Block];
            for (var j = 0; j < Block; j++) alpha[j] = active[j] && pq[j] > 0 ? rz[j] / pq[j] : 0;
            for (var k = 0; k < z.Length; k++)
            {
                var j = k % Block;
                z[k] += alpha[j] * p[k];
                r[k] -= alpha[j] * q[k];
            }
            Dot(r, r, rr);
            for (var j = 0; j < Block; j++)
                if (rr[j] <= stop[j]) active[j] = false;
            Precondition(r, s, offsets);
            var rzNew = new double[Block];
            Dot(r, s, rzNew);
            for (var k = 0; k < p.Length; k++)
            {
                var j = k % Block;
                p[k] = active[j] ? s[k] + rzNew[j] / rz[j] * p[k] : 0;
            }
            rz = rzNew;
        }
        return z;
    }

    private static void Precondition(double[] r, double[] s, int[] offsets)
    {
        for (var v = 0; v + 1 < offsets.Length; v++)
        {
            var d = offsets[v + 1] - offsets[v];
            var inv = d > 0 ? 1.0 / d : 0;
            for (var j = 0; j < Block; j++) s[v * Block + j] = inv * r[v * Block + j];
        }
    }

    private static void Multiply(double[] x, double[] y, int[] offsets, int[] adjacency)
    {
        Span<double> sum = stackalloc double[Block];
        for (var v = 0; v + 1 < offsets.Length; v++)
        {
            var d = offsets[v + 1] - offsets[v];
            for (var j = 0; j < Block; j++) sum[j] = d * x[v * Block + j];
            for (var k = offsets[v]; k < offsets[v + 1]; k++)
            {
                var w = adjacency[k] * Block;
                for (var j = 0; j < Block; j++) sum[j] -= x[w + j];
            }
            for (var j = 0; j < Block; j++) y[v * Block + j] = sum[j];
        }
    }

    private static void Dot(double[] a, double[] b, double[] result)
    {
        Array.Clear(result);
        for (var k = 0; k < a.Length; k++) result[k % Block] += a[k] * b[k];
    }
}
