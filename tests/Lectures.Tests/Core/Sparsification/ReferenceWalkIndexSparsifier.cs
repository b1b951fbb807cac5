namespace Lectures.Tests.Core.Sparsification;

using Lectures.Graphs;
using Lectures.Sparsification;

/// <summary>
/// The oracle for the exact (L-1)-WIS greedy: the library's implementation as of commit 2579217 ("General (L-1)-WIS:
/// exact greedy with local closed-walk scores and re-keying near the removed edge"), kept unchanged apart from the
/// name. Every remaining candidate sits in an ordered set keyed by its score change, computed from scratch with
/// <see cref="ClosedWalkCounter"/>; after each removal every candidate with an endpoint within floor((L-1)/2) of
/// the vertices whose score moved is re-keyed. Slow around hubs (that is why it was replaced), exact by
/// construction. Only the exact greedy is kept; it uses the library's <see cref="DynamicGraph"/> and
/// <see cref="ClosedWalkCounter"/>, which the tests check against the walk index by definition.
/// </summary>
internal static class ReferenceWalkIndexSparsifier
{
    /// <summary>The edge ids of the exact greedy order for depth L = <paramref name="depth"/>, ties by the rule.</summary>
    public static int[] Order(Graph graph, int depth, TieRule tieRule) => new Greedy(graph, depth, tieRule).Exact();

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
            var byScores = CompareChanges(changes[e], changes[f]);
            if (byScores != 0) return byScores;
            return tieRule == TieRule.SmallestEdge ? e.CompareTo(f) : f.CompareTo(e);
        }

        public int[] Exact()
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
            }
            return order;
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
            changes[e] = ChangeOf(pairs);
        }
    }

    /// <summary>The change [y_0, net_0, y_1, net_1, ...] from old and new scores of the affected vertices.</summary>
    private static long[] ChangeOf(List<(long Value, int Sign)> changes)
    {
        changes.Sort((p, q) => p.Value.CompareTo(q.Value));
        var result = new List<long>();
        for (var k = 0; k < changes.Count;)
        {
            var value = changes[k].Value;
            long net = 0;
            for (; k < changes.Count && changes[k].Value == value; k++) net += changes[k].Sign;
            if (net != 0)
            {
                result.Add(value);
                result.Add(net);
            }
        }
        return result.ToArray();
    }

    /// <summary>Negative when removing the first candidate leaves the lexicographically larger sorted score vector.</summary>
    private static int CompareChanges(long[] first, long[] second)
    {
        int i = 0, j = 0;
        while (i < first.Length || j < second.Length)
        {
            var y = Math.Min(i < first.Length ? first[i] : long.MaxValue, j < second.Length ? second[j] : long.MaxValue);
            var netFirst = i < first.Length && first[i] == y ? first[i + 1] : 0;
            var netSecond = j < second.Length && second[j] == y ? second[j + 1] : 0;
            if (netFirst != netSecond) return netFirst < netSecond ? -1 : 1;
            if (i < first.Length && first[i] == y) i += 2;
            if (j < second.Length && second[j] == y) j += 2;
        }
        return 0;
    }
}
