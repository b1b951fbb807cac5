using Lectures.Graphs;

namespace Lectures.Sparsification;

/// <summary>
/// Walk Index Sparsification, (L-1)-WIS, for vertex prediction with a depth-L GNN. Every vertex t is scored by
/// s_t = rho_{L-1}(C_{t}, {t}), the walk index of the singleton partition {t} (C_{t} = {t} ∪ N(t) when t has a
/// neighbour, else empty; equal to (A^L)_{tt} with A = adjacency + identity). A greedy step removes the edge
/// whose removal leaves the ascending-sorted score vector lexicographically largest (maximise the smallest walk
/// index, then the next, ...), exact ties by the tie rule.
/// The exact greedy keeps every remaining candidate in an ordered set keyed by its score change as last computed,
/// with lazy keys as in the 1-WIS bucket queue: removing an edge can only make the other candidates' changes rank
/// later, except for the few that share a closed walk of length L with it (re-keyed at once, see
/// <see cref="WalkScores"/>). So the first candidate of the set is recomputed; if its change is as filed, nothing
/// can beat it, else it is filed again under its current change. Scores come in closed form for L = 3 (degrees and
/// triangles) and L = 4 (two-step walk counts), from local closed-walk counting otherwise.
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
        var greedy = new Greedy(WalkScores.For(graph, depth), tieRule);
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
        private readonly WalkScores scores;
        private readonly TieRule tieRule;
        private readonly long[][] changes;
        private readonly ScoreChange change = new();
        private readonly List<int> improvable = [];
        private readonly List<int> pending = [];

        public Greedy(WalkScores scores, TieRule tieRule)
        {
            this.scores = scores;
            this.tieRule = tieRule;
            changes = new long[scores.Graph.Edges.Count][];
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
            var m = changes.Length;
            var candidates = new SortedSet<int>(this);
            for (var e = 0; e < m; e++)
            {
                changes[e] = Compute(e).ToArray();
                candidates.Add(e);
            }
            var order = new int[m];
            for (var done = 0; done < m; done++)
            {
                var best = candidates.Min;
                while (!Compute(best).Matches(changes[best]))
                {
                    candidates.Remove(best);
                    changes[best] = change.ToArray();
                    candidates.Add(best);
                    best = candidates.Min;
                }
                candidates.Remove(best);
                improvable.Clear();
                scores.Remove(best, improvable);
                pending.Clear();
                foreach (var e in improvable)
                    if (candidates.Remove(e)) pending.Add(e);
                foreach (var e in pending)
                {
                    changes[e] = Compute(e).ToArray();
                    candidates.Add(e);
                }
                order[done] = best;
                Report(progress, done + 1, m);
            }
            return order;
        }

        public int[] Chunked(int chunkSize, IProgress<double>? progress)
        {
            var m = changes.Length;
            var remaining = Enumerable.Range(0, m).ToList();
            var order = new List<int>(m);
            while (remaining.Count > 0)
            {
                foreach (var e in remaining) changes[e] = Compute(e).ToArray();
                remaining.Sort(this);
                var take = Math.Min(chunkSize, remaining.Count);
                foreach (var e in remaining.Take(take))
                {
                    scores.Remove(e, improvable);
                    order.Add(e);
                }
                improvable.Clear();
                remaining.RemoveRange(0, take);
                Report(progress, order.Count, m);
            }
            return order.ToArray();
        }

        private ScoreChange Compute(int e)
        {
            change.Clear();
            scores.Change(e, change);
            return change;
        }

        private static void Report(IProgress<double>? progress, int done, int total)
        {
            if (progress != null && (done == total || done % Math.Max(1, total / 100) == 0)) progress.Report((double)done / total);
        }
    }
}
