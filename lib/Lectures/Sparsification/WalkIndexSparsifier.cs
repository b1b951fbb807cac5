using Lectures.Graphs;

namespace Lectures.Sparsification;

/// <summary>
/// Walk Index Sparsification, (L-1)-WIS, for vertex prediction with a depth-L GNN. Every vertex t is scored by
/// s_t = rho_{L-1}(C_{t}, {t}), the walk index of the singleton partition {t} (C_{t} = {t} ∪ N(t) when t has a
/// neighbour, else empty; equal to (A^L)_{tt} with A = adjacency + identity). A greedy step removes the edge
/// whose removal leaves the ascending-sorted score vector lexicographically largest (maximise the smallest walk
/// index, then the next, ...), exact ties by the tie rule.
/// The exact greedy keeps every remaining candidate in an ordered set keyed by its exact score change and, after
/// each removal, re-keys only the candidates near the removed edge: removing {u, v} changes s_t only for t in the
/// set S = {u, v} ∪ {t : dist(t, u) + dist(t, v) &lt;= L - 1}, and a candidate's change can only move if it touches
/// a vertex within distance floor((L-1)/2) of S.
/// </summary>
public static class WalkIndexSparsifier
{
    /// <summary>The chunk size of the reference implementation: recompute every 100 removals.</summary>
    public const int ReferenceChunkSize = 100;

    /// <summary>s_t = rho_{L-1}(C_{t}, {t}) for every vertex t: the scores WIS maximises, in 64-bit integers.</summary>
    public static long[] VertexScores(Graph graph, int depth)
    {
        ArgumentNullException.ThrowIfNull(graph);
        CheckDepth(depth);
        var counter = new ClosedWalkCounter(new DynamicGraph(graph), depth);
        return graph.Vertices.Select(t => counter.Score(t)).ToArray();
    }

    /// <summary>
    /// The full (L-1)-WIS removal order for depth L = <paramref name="depth"/> >= 1. With chunkSize null (default),
    /// the exact one-at-a-time greedy; with a chunk size c, the reference's faster variant: rank every remaining
    /// edge once against the current scores, remove the top c in ranking order, repeat. Exact ties go by
    /// <paramref name="tieRule"/> (default: the later candidate, the reference WIS rule). Progress reports the
    /// fraction of edges removed.
    /// </summary>
    public static RemovalOrder Order(Graph graph, int depth, TieRule tieRule = TieRule.LargestEdge, int? chunkSize = null,
        IProgress<double>? progress = null)
    {
        CheckDepth(depth);
        RemovalOrder.CheckHasEdges(graph);
        if (chunkSize is < 1)
            throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, $"The chunk size must be >= 1 (or null for the exact greedy), got {chunkSize}.");
        var greedy = new Greedy(graph, depth, tieRule);
        var order = chunkSize is { } c ? greedy.Chunked(c, progress) : greedy.Exact(progress);
        var name = $"{depth - 1}-WIS" + (chunkSize is { } size ? $" (chunks of {size})" : "");
        return new RemovalOrder(name, graph, order);
    }

    private static void CheckDepth(int depth)
    {
        if (depth < 1)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"The GNN depth L must be >= 1 ((L-1)-WIS), got {depth}.");
    }

    private sealed class Greedy : IComparer<int>
    {
        private readonly DynamicGraph graph;
        private readonly ClosedWalkCounter counter;
        private readonly int depth;
        private readonly TieRule tieRule;
        private readonly long[] scores;
        private readonly long[][] changes;
        private readonly List<int> affected = [];
        private readonly List<(long, int)> pairs = [];

        public Greedy(Graph source, int depth, TieRule tieRule)
        {
            graph = new DynamicGraph(source);
            counter = new ClosedWalkCounter(graph, depth);
            this.depth = depth;
            this.tieRule = tieRule;
            scores = source.Vertices.Select(t => counter.Score(t)).ToArray();
            changes = new long[source.EdgeCount][];
        }

        public int Compare(int e, int f)
        {
            if (e == f) return 0;
            var byScores = ScoreChange.Compare(changes[e], changes[f]);
            if (byScores != 0) return byScores;
            return tieRule == TieRule.SmallestEdge ? e.CompareTo(f) : f.CompareTo(e);
        }

        public int[] Exact(IProgress<double>? progress)
        {
            var m = graph.Edges.Count;
            var removed = new bool[m];
            var candidates = new SortedSet<int>(this);
            for (var e = 0; e < m; e++)
            {
                Rekey(e);
                candidates.Add(e);
            }
            var order = new int[m];
            var near = new List<int>();
            var touched = new List<int>();
            var radius = (depth - 1) / 2;
            for (var done = 0; done < m; done++)
            {
                var best = candidates.Min;
                counter.Affected(best, affected);
                var changed = affected.ToList();
                counter.Within(changed, radius, near);
                touched.Clear();
                foreach (var v in near)
                    foreach (var e in graph.IncidentEdges(v))
                        if (!removed[e] && candidates.Remove(e)) touched.Add(e);
                var newScores = changed.Select(t => counter.Score(t, best)).ToArray();
                graph.Remove(best);
                removed[best] = true;
                for (var k = 0; k < changed.Count; k++) scores[changed[k]] = newScores[k];
                foreach (var e in touched)
                {
                    if (e == best) continue;
                    Rekey(e);
                    candidates.Add(e);
                }
                order[done] = best;
                Report(progress, done + 1, m);
            }
            return order;
        }

        public int[] Chunked(int chunkSize, IProgress<double>? progress)
        {
            var m = graph.Edges.Count;
            var remaining = Enumerable.Range(0, m).ToList();
            var order = new List<int>(m);
            while (remaining.Count > 0)
            {
                foreach (var e in remaining) Rekey(e);
                remaining.Sort(this);
                var take = Math.Min(chunkSize, remaining.Count);
                foreach (var e in remaining.Take(take))
                {
                    graph.Remove(e);
                    order.Add(e);
                }
                remaining.RemoveRange(0, take);
                for (var t = 0; t < scores.Length; t++) scores[t] = counter.Score(t);
                Report(progress, order.Count, m);
            }
            return order.ToArray();
        }

        private void Rekey(int e)
        {
            counter.Affected(e, affected);
            pairs.Clear();
            foreach (var t in affected)
            {
                var after = counter.Score(t, e);
                if (after == scores[t]) continue;
                pairs.Add((scores[t], -1));
                pairs.Add((after, +1));
            }
            changes[e] = ScoreChange.Of(pairs);
        }

        private static void Report(IProgress<double>? progress, int done, int total)
        {
            if (progress != null && (done == total || done % Math.Max(1, total / 100) == 0)) progress.Report((double)done / total);
        }
    }
}
