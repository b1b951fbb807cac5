using Lectures.Graphs;

namespace Lectures.Sparsification;

/// <summary>
/// Efficient 1-WIS (WIS for depth L = 2). Then s_t = 1 + d_t when d_t >= 1, else 0, and removing {u, v} changes only
/// s_u and s_v, so the greedy step removes the edge maximising min(d_u, d_v), ties broken by the larger
/// max(d_u, d_v), then by the tie rule on (u, v); both degrees then drop by one.
/// Cost: bucket queue with lazy re-keying. Edges sit in buckets by their (min, max) degree key at the time they were
/// filed; removing an edge only decrements two degrees. The largest key is taken from a heap of the K distinct
/// keys; its bucket is sorted by edge id and walked in tie-rule order: an edge whose key is still current is
/// removed (keys only decrease, so nothing outside the bucket can beat it), a stale one is refiled under its
/// current key. Total O(m + R + K log K + sorting of buckets), R = number of refilings &lt;= Σ_v d_v (d_v - 1);
/// measured at 1.2M edges: R = 5.9 m on Barabási–Albert (m = 5; Σ d_v (d_v - 1) = 74 m) and 7.0 m on Erdős–Rényi
/// (mean degree 10), so time is about linear in m there (benchmarks/RESULTS.md).
/// </summary>
public static class OneWalkIndexSparsifier
{
    /// <summary>
    /// The full 1-WIS removal order: repeatedly remove the edge with the largest (min(d_u, d_v), max(d_u, d_v)),
    /// exact ties by <paramref name="tieRule"/> (default: smallest (u, v), the reference rule). Progress reports
    /// the fraction of edges removed.
    /// </summary>
    public static RemovalOrder Order(Graph graph, TieRule tieRule = TieRule.SmallestEdge, IProgress<double>? progress = null) =>
        Order(graph, tieRule, progress, out _);

    /// <summary>The 1-WIS order, also returning R, the number of stale entries that were refiled.</summary>
    internal static RemovalOrder Order(Graph graph, TieRule tieRule, IProgress<double>? progress, out long stalePops)
    {
        RemovalOrder.CheckHasEdges(graph);
        var m = graph.EdgeCount;
        var degree = new int[graph.VertexCount];
        for (var v = 0; v < degree.Length; v++) degree[v] = graph.Degree(v);
        var edges = graph.Edges;
        long Key(int id)
        {
            var (du, dv) = (degree[edges[id].U], degree[edges[id].V]);
            return ((long)Math.Min(du, dv) << 32) | (uint)Math.Max(du, dv);
        }
        var buckets = new Dictionary<long, List<int>>();
        var largest = new PriorityQueue<long, long>();
        void File(long key, int id)
        {
            if (!buckets.TryGetValue(key, out var bucket))
            {
                buckets[key] = bucket = [];
                largest.Enqueue(key, -key);
            }
            bucket.Add(id);
        }
        for (var id = 0; id < m; id++) File(Key(id), id);
        var order = new int[m];
        var done = 0;
        long stale = 0;
        var reportEvery = Math.Max(1, m / 100);
        while (largest.TryDequeue(out var key, out _))
        {
            var bucket = buckets[key];
            buckets.Remove(key);
            bucket.Sort();
            if (tieRule == TieRule.LargestEdge) bucket.Reverse();
            foreach (var id in bucket)
            {
                var current = Key(id);
                if (current != key)
                {
                    File(current, id);
                    stale++;
                    continue;
                }
                order[done++] = id;
                degree[edges[id].U]--;
                degree[edges[id].V]--;
                if (done % reportEvery == 0) progress?.Report((double)done / m);
            }
        }
        stalePops = stale;
        progress?.Report(1.0);
        return new RemovalOrder("1-WIS", graph, order);
    }
}
