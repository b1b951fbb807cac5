namespace Lectures.Tests.Core.Sparsification;

using Lectures.Graphs;
using Lectures.Sparsification;
using Lectures.Walks;

/// <summary>WIS by definition, independent of the library's greedy: every s_t from WalkIndex, every candidate tried.</summary>
internal static class BruteForceWis
{
    /// <summary>s_t = WI_{L-1,t}({t}) for every t, from the Walks library.</summary>
    public static long[] Scores(Graph graph, int depth) =>
        graph.Vertices.Select(t => WalkIndex.ForVertexPrediction(graph, [t], depth, t)).ToArray();

    /// <summary>The ascending-sorted score vector after removing edge <paramref name="id"/>.</summary>
    public static long[] SortedScoresWithout(Graph graph, int id, int depth) =>
        Scores(graph.RemoveEdges([id]), depth).Order().ToArray();

    /// <summary>The edges (of <paramref name="graph"/>) whose removal leaves the lexicographically largest sorted vector.</summary>
    public static List<Edge> TieSet(Graph graph, int depth)
    {
        var vectors = Enumerable.Range(0, graph.EdgeCount).Select(id => SortedScoresWithout(graph, id, depth)).ToList();
        var best = vectors.Aggregate((a, b) => Lexicographic(a, b) >= 0 ? a : b);
        return Enumerable.Range(0, graph.EdgeCount).Where(id => Lexicographic(vectors[id], best) == 0).Select(id => graph.Edges[id]).ToList();
    }

    /// <summary>The greedy order by definition, one removal at a time, exact ties by the rule.</summary>
    public static List<Edge> Order(Graph graph, int depth, TieRule rule)
    {
        var order = new List<Edge>();
        while (graph.EdgeCount > 0)
        {
            var ties = TieSet(graph, depth);
            var byPair = ties.OrderBy(e => e.U).ThenBy(e => e.V).ToList();
            var chosen = rule == TieRule.SmallestEdge ? byPair[0] : byPair[^1];
            order.Add(chosen);
            graph = graph.RemoveEdges([chosen]);
        }
        return order;
    }

    /// <summary>One ranking of all edges against the initial scores, best first (the chunked variant's first chunk).</summary>
    public static List<Edge> Ranking(Graph graph, int depth, TieRule rule)
    {
        var ids = Enumerable.Range(0, graph.EdgeCount).ToList();
        var vectors = ids.Select(id => SortedScoresWithout(graph, id, depth)).ToList();
        ids.Sort((e, f) =>
        {
            var c = Lexicographic(vectors[f], vectors[e]);
            return c != 0 ? c : rule == TieRule.SmallestEdge ? e.CompareTo(f) : f.CompareTo(e);
        });
        return ids.Select(id => graph.Edges[id]).ToList();
    }

    private static int Lexicographic(long[] a, long[] b)
    {
        for (var k = 0; k < a.Length; k++)
            if (a[k] != b[k]) return a[k].CompareTo(b[k]);
        return 0;
    }
}
