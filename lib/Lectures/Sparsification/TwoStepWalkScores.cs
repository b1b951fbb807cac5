using System.Runtime.InteropServices;

namespace Lectures.Sparsification;

/// <summary>
/// WIS scores for depth L = 4 from two-step walk counts: s_t = (A^4)_{tt} = Σ_i P_{it}^2 with P = A^2, where
/// P_{tt} = 1 + d_t, P_{it} = 2 + c_{it} for a neighbour i and P_{it} = c_{it} otherwise (c = number of common
/// neighbours, kept for every pair at distance &lt;= 2). Removing e = {a, b} lowers P_{aa}, P_{bb} by 1, P_{ab} by 2,
/// and P_{at} (t in N(b)), P_{bt} (t in N(a)) by 1, so: s_t drops by 2 P_{at} - 1 for t in N(b) (and by 2 P_{bt} - 1
/// for t in N(a)), and s_a drops by (2 d_a + 1) + (4 c_{ab} + 4) + Σ_{t in N(b)} (2 P_{at} - 1) (to 0 when a is left
/// isolated). A closed walk of length 4 at t through e uses only e when t is an endpoint; from a neighbour t of a
/// alone, every such walk enters through {t, a}: so the improvable candidates after removing e are the edges that
/// share an endpoint with it. Cost per change or removal: O(d_a + d_b) dictionary look-ups.
/// </summary>
internal sealed class TwoStepWalkScores : WalkScores
{
    private readonly Dictionary<long, int> common = [];
    private readonly long[] loss;
    private readonly int[] markA;
    private readonly int[] markB;
    private readonly List<int> touched = [];
    private int stamp;

    public TwoStepWalkScores(DynamicGraph graph) : base(graph, 4)
    {
        var n = graph.VertexCount;
        loss = new long[n];
        markA = new int[n];
        markB = new int[n];
        for (var x = 0; x < n; x++)
        {
            var nbrs = graph.Neighbors(x);
            for (var i = 0; i < nbrs.Length; i++)
                for (var j = i + 1; j < nbrs.Length; j++)
                    CollectionsMarshal.GetValueRefOrAddDefault(common, Pair(nbrs[i], nbrs[j]), out _)++;
        }
    }

    public override void Change(int edge, ScoreChange change)
    {
        var (a, b) = Graph.Edges[edge];
        var (lossA, lossB) = Losses(a, b);
        change.Add(Scores[a], Graph.Degree(a) == 1 ? 0 : Scores[a] - lossA);
        change.Add(Scores[b], Graph.Degree(b) == 1 ? 0 : Scores[b] - lossB);
        foreach (var t in touched)
        {
            change.Add(Scores[t], Scores[t] - loss[t]);
            loss[t] = 0;
        }
    }

    public override void Remove(int edge, List<int> improvable)
    {
        var (u, v) = Graph.Edges[edge];
        var (lossU, lossV) = Losses(u, v);
        Scores[u] = Graph.Degree(u) == 1 ? 0 : Scores[u] - lossU;
        Scores[v] = Graph.Degree(v) == 1 ? 0 : Scores[v] - lossV;
        foreach (var t in touched)
        {
            Scores[t] -= loss[t];
            loss[t] = 0;
        }
        Lose(u, v, improvable, edge);
        Lose(v, u, improvable, edge);
        Graph.Remove(edge);
    }

    /// <summary>
    /// Fills loss[t] for the neighbours t of a and b (listed in touched) and returns the losses of a and b, for
    /// removing {a, b} from the current graph.
    /// </summary>
    private (long A, long B) Losses(int a, int b)
    {
        touched.Clear();
        stamp++;
        foreach (var t in Graph.Neighbors(a)) markA[t] = stamp;
        var endpoints = 4L * Common(a, b) + 4;
        var lossA = 2L * Graph.Degree(a) + 1 + endpoints;
        var lossB = 2L * Graph.Degree(b) + 1 + endpoints;
        foreach (var t in Graph.Neighbors(b))
        {
            markB[t] = stamp;
            if (t == a) continue;
            var walks = 2L * (Common(a, t) + (markA[t] == stamp ? 2 : 0)) - 1;
            lossA += walks;
            loss[t] += walks;
            touched.Add(t);
        }
        foreach (var t in Graph.Neighbors(a))
        {
            if (t == b) continue;
            var walks = 2L * (Common(b, t) + (markB[t] == stamp ? 2 : 0)) - 1;
            lossB += walks;
            if (loss[t] == 0) touched.Add(t);
            loss[t] += walks;
        }
        return (lossA, lossB);
    }

    /// <summary>
    /// Removing {a, b}: every neighbour t of b other than a loses the common neighbour b with a; the candidates at a
    /// become improvable.
    /// </summary>
    private void Lose(int a, int b, List<int> improvable, int edge)
    {
        foreach (var t in Graph.Neighbors(b))
            if (t != a && --CollectionsMarshal.GetValueRefOrNullRef(common, Pair(a, t)) == 0) common.Remove(Pair(a, t));
        foreach (var f in Graph.IncidentEdges(a))
            if (f != edge) improvable.Add(f);
    }

    private int Common(int x, int y) => common.GetValueOrDefault(Pair(x, y));

    private static long Pair(int x, int y) => x < y ? ((long)x << 32) | (uint)y : ((long)y << 32) | (uint)x;
}
