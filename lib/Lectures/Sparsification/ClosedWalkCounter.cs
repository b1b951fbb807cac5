namespace Lectures.Sparsification;

/// <summary>
/// The WIS vertex scores on a dynamic graph, computed locally. With A = adjacency + identity,
/// s_t = rho_{L-1}(C_{t}, {t}) = Σ_{i in N[t]} (A^{L-1})_{it} = (A^L)_{tt}, the number of closed length-L walks
/// at t, when d_t >= 1, and 0 for an isolated t (C_{t} is empty). A closed walk at t stays within distance
/// floor(L/2) of t, so s_t is counted on that ball: x = A^h e_t, h = floor(L/2), then s_t = x^T x (L even) or
/// x^T A x (L odd). Removing {a, b} changes s_t only for t in {a, b} or with dist(t, a) + dist(t, b) &lt;= L - 1
/// (a closed walk through the edge has length >= dist(t, a) + 1 + dist(b, t)).
/// </summary>
internal sealed class ClosedWalkCounter
{
    private readonly DynamicGraph graph;
    private readonly int depth;
    private readonly long[] x;
    private readonly long[] y;
    private readonly int[] distA;
    private readonly int[] distB;
    private readonly List<int> support = [];
    private readonly List<int> next = [];
    private readonly List<int> reachedA = [];
    private readonly List<int> reachedB = [];

    public ClosedWalkCounter(DynamicGraph graph, int depth)
    {
        this.graph = graph;
        this.depth = depth;
        var n = graph.VertexCount;
        x = new long[n];
        y = new long[n];
        distA = Enumerable.Repeat(-1, n).ToArray();
        distB = Enumerable.Repeat(-1, n).ToArray();
    }

    /// <summary>s_t in the current graph with edge <paramref name="without"/> (an id, or -1 for none) left out.</summary>
    public long Score(int t, int without = -1)
    {
        var degree = graph.Degree(t);
        if (without >= 0 && (graph.Edges[without].U == t || graph.Edges[without].V == t)) degree--;
        if (degree == 0) return 0;
        try
        {
            return ClosedWalks(t, without);
        }
        catch (OverflowException e)
        {
            throw new OverflowException($"WIS scores for depth L = {depth} (closed walks of length {depth}) overflow 64-bit integers at vertex {t}.", e);
        }
        finally
        {
            foreach (var i in support) x[i] = 0;
            support.Clear();
            foreach (var i in next) y[i] = 0;
            next.Clear();
        }
    }

    /// <summary>
    /// The vertices whose score can change when edge {a, b} is removed: a, b and every t with
    /// dist(t, a) + dist(t, b) &lt;= L - 1 in the current graph.
    /// </summary>
    public void Affected(int edge, List<int> result)
    {
        result.Clear();
        var (a, b) = graph.Edges[edge];
        result.Add(a);
        result.Add(b);
        if (depth <= 2) return;
        Ball([a], depth - 2, distA, reachedA);
        Ball([b], depth - 2, distB, reachedB);
        foreach (var t in reachedA)
            if (t != a && t != b && distB[t] >= 0 && distA[t] + distB[t] <= depth - 1) result.Add(t);
        Reset(distA, reachedA);
        Reset(distB, reachedB);
    }

    /// <summary>The vertices within distance <paramref name="radius"/> of <paramref name="sources"/> in the current graph.</summary>
    public void Within(IReadOnlyList<int> sources, int radius, List<int> result)
    {
        Ball(sources, radius, distA, reachedA);
        result.Clear();
        result.AddRange(reachedA);
        Reset(distA, reachedA);
    }

    private long ClosedWalks(int t, int without)
    {
        checked
        {
        x[t] = 1;
        support.Add(t);
        for (var step = 0; step < depth / 2; step++)
        {
            foreach (var i in support)
            {
                Add(i, x[i]);
                var nbrs = graph.Neighbors(i);
                var ids = graph.IncidentEdges(i);
                for (var k = 0; k < nbrs.Length; k++)
                    if (ids[k] != without) Add(nbrs[k], x[i]);
            }
            foreach (var i in support) x[i] = 0;
            support.Clear();
            foreach (var i in next)
            {
                x[i] = y[i];
                y[i] = 0;
                support.Add(i);
            }
            next.Clear();
        }
        long sum = 0;
        foreach (var i in support)
        {
            var around = x[i];
            if (depth % 2 == 1)
            {
                var nbrs = graph.Neighbors(i);
                var ids = graph.IncidentEdges(i);
                for (var k = 0; k < nbrs.Length; k++)
                    if (ids[k] != without) around += x[nbrs[k]];
            }
            sum += x[i] * around;
        }
        return sum;
        }
    }

    private void Add(int i, long value)
    {
        if (y[i] == 0) next.Add(i);
        y[i] = checked(y[i] + value);
    }

    private void Ball(IReadOnlyList<int> sources, int radius, int[] dist, List<int> reached)
    {
        foreach (var s in sources)
            if (dist[s] < 0)
            {
                dist[s] = 0;
                reached.Add(s);
            }
        for (var head = 0; head < reached.Count; head++)
        {
            var v = reached[head];
            if (dist[v] == radius) continue;
            foreach (var w in graph.Neighbors(v))
                if (dist[w] < 0)
                {
                    dist[w] = dist[v] + 1;
                    reached.Add(w);
                }
        }
    }

    private static void Reset(int[] dist, List<int> reached)
    {
        foreach (var v in reached) dist[v] = -1;
        reached.Clear();
    }
}
