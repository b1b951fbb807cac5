using Lectures.Graphs;

namespace Lectures.Plotting;

/// <summary>Deterministic 2-D vertex positions for drawing small graphs.</summary>
public static class GraphLayout
{
    /// <summary>Vertex v at angle 2 pi v / n on the unit circle (vertex 0 at the top, counter-clockwise).</summary>
    public static (double X, double Y)[] Circular(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.VertexCount;
        return Enumerable.Range(0, n)
            .Select(v => (Math.Cos(Math.PI / 2 + 2 * Math.PI * v / n), Math.Sin(Math.PI / 2 + 2 * Math.PI * v / n)))
            .ToArray();
    }

    /// <summary>
    /// Fruchterman–Reingold spring layout from seeded random starting points: edges pull (force d^2 / k),
    /// all pairs push (force k^2 / d), k = 1 / sqrt(n), with a cooling step; positions scaled into [-1, 1]^2.
    /// O(n^2) per iteration: meant for graphs of up to a few hundred vertices.
    /// </summary>
    public static (double X, double Y)[] Spring(Graph graph, int seed = 0, int iterations = 200)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.VertexCount;
        var rng = new Random(seed);
        var x = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var k = 1 / Math.Sqrt(Math.Max(n, 1));
        var dx = new double[n];
        var dy = new double[n];
        for (var it = 0; it < iterations; it++)
        {
            Array.Clear(dx);
            Array.Clear(dy);
            for (var i = 0; i < n; i++)
                for (var j = i + 1; j < n; j++)
                {
                    var (ex, ey) = (x[i] - x[j], y[i] - y[j]);
                    var d2 = Math.Max(ex * ex + ey * ey, 1e-9);
                    var push = k * k / d2;
                    dx[i] += ex * push; dy[i] += ey * push;
                    dx[j] -= ex * push; dy[j] -= ey * push;
                }
            foreach (var (u, v) in graph.Edges)
            {
                var (ex, ey) = (x[u] - x[v], y[u] - y[v]);
                var pull = Math.Sqrt(ex * ex + ey * ey) / k;
                dx[u] -= ex * pull; dy[u] -= ey * pull;
                dx[v] += ex * pull; dy[v] += ey * pull;
            }
            var temperature = 0.1 * (1 - (double)it / iterations);
            for (var i = 0; i < n; i++)
            {
                var length = Math.Max(Math.Sqrt(dx[i] * dx[i] + dy[i] * dy[i]), 1e-12);
                var step = Math.Min(length, temperature);
                x[i] += dx[i] / length * step;
                y[i] += dy[i] / length * step;
            }
        }
        return Normalise(x, y);
    }

    private static (double X, double Y)[] Normalise(double[] x, double[] y)
    {
        if (x.Length == 0) return [];
        double cx = (x.Max() + x.Min()) / 2, cy = (y.Max() + y.Min()) / 2;
        var scale = Math.Max(Math.Max(x.Max() - x.Min(), y.Max() - y.Min()) / 2, 1e-12);
        return x.Select((xi, i) => ((xi - cx) / scale, (y[i] - cy) / scale)).ToArray();
    }
}
