namespace Lectures.Tests.Grading.Similarity;

/// <summary>
/// Ten honest solutions of one-wis Parts A and B (WalkIndexScores and OneWisOrder), written by hand in differing
/// styles, and four copies disguised by renaming, reordering independent statements and methods, and re-spacing.
/// </summary>
public static class OneWisSolutions
{
    /// <summary>The stubs of the release, as students receive them.</summary>
    public static readonly string[] Release =
    [
        """
        static int[] WalkIndexScores(int n, (int U, int V)[] edges)
        {
            // YOUR CODE HERE
            throw new NotImplementedException();
        }
        """,
        """
        static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges)
        {
            // YOUR CODE HERE
            throw new NotImplementedException();
        }
        """,
    ];

    public static readonly Dictionary<string, string> Honest = new()
    {
        ["h01-loops"] = """
            static int[] WalkIndexScores(int n, (int U, int V)[] edges)
            {
                var degree = new int[n];
                foreach (var (u, v) in edges) { degree[u]++; degree[v]++; }
                var s = new int[n];
                for (var t = 0; t < n; t++) s[t] = degree[t] >= 1 ? 1 + degree[t] : 0;
                return s;
            }
            static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges)
            {
                var degree = new int[n];
                foreach (var (u, v) in edges) { degree[u]++; degree[v]++; }
                var left = new List<(int U, int V)>(edges);
                var order = new List<(int U, int V)>();
                while (left.Count > 0)
                {
                    var best = left[0];
                    foreach (var e in left)
                    {
                        int lo = Math.Min(degree[e.U], degree[e.V]), hi = Math.Max(degree[e.U], degree[e.V]);
                        int blo = Math.Min(degree[best.U], degree[best.V]), bhi = Math.Max(degree[best.U], degree[best.V]);
                        if (lo > blo || lo == blo && (hi > bhi || hi == bhi && e.CompareTo(best) < 0)) best = e;
                    }
                    left.Remove(best);
                    degree[best.U]--; degree[best.V]--;
                    order.Add(best);
                }
                return order;
            }
            """,
        ["h02-linq"] = """
            static int[] WalkIndexScores(int n, (int U, int V)[] edges) =>
                Enumerable.Range(0, n)
                    .Select(t => edges.Count(e => e.U == t || e.V == t))
                    .Select(d => d == 0 ? 0 : d + 1)
                    .ToArray();

            static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges)
            {
                var remaining = edges.ToHashSet();
                var result = new List<(int U, int V)>();
                int Deg(int x) => remaining.Count(e => e.U == x || e.V == x);
                while (remaining.Any())
                {
                    var next = remaining
                        .OrderByDescending(e => Math.Min(Deg(e.U), Deg(e.V)))
                        .ThenByDescending(e => Math.Max(Deg(e.U), Deg(e.V)))
                        .ThenBy(e => e.U).ThenBy(e => e.V)
                        .First();
                    remaining.Remove(next);
                    result.Add(next);
                }
                return result;
            }
            """,
        ["h03-recursion"] = """
            static int[] WalkIndexScores(int n, (int U, int V)[] edges)
            {
                int[] Count(int i, int[] acc)
                {
                    if (i == edges.Length) return acc;
                    acc[edges[i].U] += 1;
                    acc[edges[i].V] += 1;
                    return Count(i + 1, acc);
                }
                var d = Count(0, new int[n]);
                return Array.ConvertAll(d, x => x > 0 ? x + 1 : 0);
            }
            static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges)
            {
                var degrees = WalkIndexScores(n, edges).Select(s => s == 0 ? 0 : s - 1).ToArray();
                List<(int U, int V)> Go(List<(int U, int V)> rest)
                {
                    if (rest.Count == 0) return new List<(int U, int V)>();
                    var pick = rest.MaxBy(e => (Math.Min(degrees[e.U], degrees[e.V]), Math.Max(degrees[e.U], degrees[e.V]), -e.U, -e.V));
                    degrees[pick.U] -= 1;
                    degrees[pick.V] -= 1;
                    var tail = Go(rest.Where(e => e != pick).ToList());
                    tail.Insert(0, pick);
                    return tail;
                }
                return Go(edges.ToList());
            }
            """,
        ["h04-helper"] = """
            static Dictionary<int, int> Degrees(IEnumerable<(int U, int V)> edges)
            {
                var deg = new Dictionary<int, int>();
                foreach (var e in edges)
                {
                    deg[e.U] = deg.GetValueOrDefault(e.U) + 1;
                    deg[e.V] = deg.GetValueOrDefault(e.V) + 1;
                }
                return deg;
            }
            static int[] WalkIndexScores(int n, (int U, int V)[] edges)
            {
                var deg = Degrees(edges);
                var scores = new int[n];
                foreach (var (vertex, d) in deg) scores[vertex] = d + 1;
                return scores;
            }
            static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges)
            {
                var order = new List<(int U, int V)>();
                var rest = edges.ToList();
                while (rest.Count > 0)
                {
                    var deg = Degrees(rest);
                    rest.Sort((a, b) =>
                    {
                        var c = Math.Min(deg[b.U], deg[b.V]).CompareTo(Math.Min(deg[a.U], deg[a.V]));
                        if (c != 0) return c;
                        c = Math.Max(deg[b.U], deg[b.V]).CompareTo(Math.Max(deg[a.U], deg[a.V]));
                        return c != 0 ? c : a.CompareTo(b);
                    });
                    order.Add(rest[0]);
                    rest.RemoveAt(0);
                }
                return order;
            }
            """,
        ["h05-adjacency"] = """
            static int[] WalkIndexScores(int n, (int U, int V)[] edges)
            {
                var neighbours = new List<int>[n];
                for (int i = 0; i < n; i++) neighbours[i] = new List<int>();
                for (int i = 0; i < edges.Length; i++)
                {
                    neighbours[edges[i].U].Add(edges[i].V);
                    neighbours[edges[i].V].Add(edges[i].U);
                }
                var result = new int[n];
                for (int i = 0; i < n; i++)
                    if (neighbours[i].Count > 0) result[i] = neighbours[i].Count + 1;
                return result;
            }
            static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges)
            {
                int[] d = new int[n];
                for (int i = 0; i < edges.Length; i++) { d[edges[i].U] += 1; d[edges[i].V] += 1; }
                bool[] gone = new bool[edges.Length];
                var sorted = edges.OrderBy(e => e.U).ThenBy(e => e.V).ToArray();
                var output = new List<(int U, int V)>();
                for (int step = 0; step < sorted.Length; step++)
                {
                    int bestIndex = -1, bestMin = -1, bestMax = -1;
                    for (int i = 0; i < sorted.Length; i++)
                    {
                        if (gone[i]) continue;
                        int a = d[sorted[i].U], b = d[sorted[i].V];
                        int mn = a < b ? a : b, mx = a < b ? b : a;
                        if (mn > bestMin || (mn == bestMin && mx > bestMax)) { bestIndex = i; bestMin = mn; bestMax = mx; }
                    }
                    gone[bestIndex] = true;
                    d[sorted[bestIndex].U] -= 1;
                    d[sorted[bestIndex].V] -= 1;
                    output.Add(sorted[bestIndex]);
                }
                return output;
            }
            """,
        ["h06-record-key"] = """
            record struct Key(int Min, int Max, int U, int V) : IComparable<Key>
            {
                public int CompareTo(Key o) =>
                    Min != o.Min ? Min.CompareTo(o.Min) : Max != o.Max ? Max.CompareTo(o.Max) : (o.U, o.V).CompareTo((U, V));
            }
            static int[] WalkIndexScores(int n, (int U, int V)[] edges)
            {
                var counts = edges.SelectMany(e => new[] { e.U, e.V }).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
                return Enumerable.Range(0, n).Select(t => counts.TryGetValue(t, out var c) ? c + 1 : 0).ToArray();
            }
            static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges)
            {
                var deg = new int[n];
                Array.ForEach(edges, e => { deg[e.U]++; deg[e.V]++; });
                var pending = new HashSet<(int U, int V)>(edges);
                var removal = new List<(int U, int V)>();
                Key KeyOf((int U, int V) e) => new(Math.Min(deg[e.U], deg[e.V]), Math.Max(deg[e.U], deg[e.V]), e.U, e.V);
                while (pending.Count != 0)
                {
                    var top = pending.MaxBy(KeyOf);
                    pending.Remove(top);
                    --deg[top.U];
                    --deg[top.V];
                    removal.Add(top);
                }
                return removal;
            }
            """,
        ["h07-matrix"] = """
            static int[] WalkIndexScores(int n, (int U, int V)[] edges)
            {
                var adj = new bool[n, n];
                foreach (var e in edges) adj[e.U, e.V] = adj[e.V, e.U] = true;
                var s = new int[n];
                for (var t = 0; t < n; t++)
                {
                    var deg = 0;
                    for (var x = 0; x < n; x++) if (adj[t, x]) deg++;
                    s[t] = deg == 0 ? 0 : deg + 1;
                }
                return s;
            }
            static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges)
            {
                var adj = new bool[n, n];
                foreach (var e in edges) adj[e.U, e.V] = true;
                var count = new int[n];
                foreach (var e in edges) { count[e.U]++; count[e.V]++; }
                var order = new List<(int U, int V)>();
                for (var k = 0; k < edges.Length; k++)
                {
                    (int U, int V) chosen = (-1, -1);
                    (int, int) chosenKey = (-1, -1);
                    for (var u = 0; u < n; u++)
                        for (var v = u + 1; v < n; v++)
                        {
                            if (!adj[u, v]) continue;
                            var key = (Math.Min(count[u], count[v]), Math.Max(count[u], count[v]));
                            if (key.CompareTo(chosenKey) > 0) { chosen = (u, v); chosenKey = key; }
                        }
                    adj[chosen.U, chosen.V] = false;
                    count[chosen.U]--; count[chosen.V]--;
                    order.Add(chosen);
                }
                return order;
            }
            """,
        ["h08-aggregate"] = """
            static int[] WalkIndexScores(int n, (int U, int V)[] edges)
            {
                var d = edges.Aggregate(new int[n], (acc, e) => { acc[e.U]++; acc[e.V]++; return acc; });
                return d.Select(x => x >= 1 ? x + 1 : 0).ToArray();
            }
            static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges)
            {
                var list = edges.OrderBy(e => (e.U, e.V)).ToList();
                var d = edges.Aggregate(new int[n], (acc, e) => { acc[e.U]++; acc[e.V]++; return acc; });
                var answer = new List<(int U, int V)>();
                while (list.Count > 0)
                {
                    var i = 0;
                    var j = 1;
                    while (j < list.Count)
                    {
                        var better = Math.Min(d[list[j].U], d[list[j].V]) - Math.Min(d[list[i].U], d[list[i].V]);
                        if (better == 0) better = Math.Max(d[list[j].U], d[list[j].V]) - Math.Max(d[list[i].U], d[list[i].V]);
                        if (better > 0) i = j;
                        j++;
                    }
                    var e = list[i];
                    list.RemoveAt(i);
                    d[e.U]--;
                    d[e.V]--;
                    answer.Add(e);
                }
                return answer;
            }
            """,
        ["h09-queue"] = """
            static int[] WalkIndexScores(int n, (int U, int V)[] edges)
            {
                var scores = new int[n];
                foreach (var (a, b) in edges)
                {
                    scores[a] = scores[a] == 0 ? 2 : scores[a] + 1;
                    scores[b] = scores[b] == 0 ? 2 : scores[b] + 1;
                }
                return scores;
            }
            static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges)
            {
                var degreeOf = new int[n];
                foreach (var (a, b) in edges) { degreeOf[a] += 1; degreeOf[b] += 1; }
                var alive = new List<(int U, int V)>(edges);
                var removed = new List<(int U, int V)>();
                while (alive.Count > 0)
                {
                    var queue = new PriorityQueue<(int U, int V), (int, int, int, int)>();
                    foreach (var e in alive)
                        queue.Enqueue(e, (-Math.Min(degreeOf[e.U], degreeOf[e.V]), -Math.Max(degreeOf[e.U], degreeOf[e.V]), e.U, e.V));
                    var first = queue.Dequeue();
                    alive.Remove(first);
                    degreeOf[first.U] -= 1;
                    degreeOf[first.V] -= 1;
                    removed.Add(first);
                }
                return removed;
            }
            """,
        ["h10-functional"] = """
            static int[] WalkIndexScores(int n, (int U, int V)[] edges)
            {
                var ends = edges.Select(e => e.U).Concat(edges.Select(e => e.V)).ToLookup(v => v);
                return Enumerable.Range(0, n).Select(v => ends[v].Count()).Select(c => c > 0 ? 1 + c : 0).ToArray();
            }
            static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges)
            {
                static int Degree(IEnumerable<(int U, int V)> g, int v) => g.Count(e => e.U == v || e.V == v);
                static (int, int) Rank(IReadOnlyCollection<(int U, int V)> g, (int U, int V) e)
                {
                    int du = Degree(g, e.U), dv = Degree(g, e.V);
                    return (Math.Min(du, dv), Math.Max(du, dv));
                }
                var graph = edges.OrderBy(e => e).ToList();
                var steps = new List<(int U, int V)>();
                while (graph.Count > 0)
                {
                    var top = graph.Select(e => (Edge: e, Rank: Rank(graph, e))).Aggregate((x, y) => y.Rank.CompareTo(x.Rank) > 0 ? y : x).Edge;
                    steps.Add(top);
                    graph = graph.Where(e => e != top).ToList();
                }
                return steps;
            }
            """,
    };

    /// <summary>Disguised copies, each named after the honest solution it copies.</summary>
    public static readonly Dictionary<string, string> Disguised = new()
    {
        // h01: methods swapped, every name changed, independent declarations and updates reordered, re-spaced.
        ["d01-loops"] = """
            static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges)
            {
                var seq = new List<(int U, int V)>();
                var deg = new int[n];
                foreach (var (p, q) in edges)
                {
                    deg[p]++;
                    deg[q]++;
                }
                var pool = new List<(int U, int V)>(edges);
                while (pool.Count > 0)
                {
                    var pick = pool[0];
                    foreach (var x in pool)
                    {
                        int small = Math.Min(deg[x.U], deg[x.V]),   big = Math.Max(deg[x.U], deg[x.V]);
                        int psmall = Math.Min(deg[pick.U], deg[pick.V]),   pbig = Math.Max(deg[pick.U], deg[pick.V]);
                        if (small > psmall || small == psmall && (big > pbig || big == pbig && x.CompareTo(pick) < 0))
                            pick = x;
                    }
                    seq.Add(pick);
                    deg[pick.V]--;   deg[pick.U]--;
                    pool.Remove(pick);
                }
                return seq;
            }

            static int[] WalkIndexScores(int n, (int U, int V)[] edges)
            {
                var deg = new int[n];
                foreach (var (p, q) in edges) { deg[p]++; deg[q]++; }
                var result = new int[n];
                for (var i = 0; i < n; i++)
                    result[i] = deg[i] >= 1 ? 1 + deg[i] : 0;
                return result;
            }
            """,
        // h04: helper moved last and renamed, variables renamed, statements swapped.
        ["d04-helper"] = """
            static int[] WalkIndexScores(int n, (int U, int V)[] edges)
            {
                var s = new int[n];
                var counts = CountDegrees(edges);
                foreach (var (w, k) in counts) s[w] = k + 1;
                return s;
            }
            static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges)
            {
                var todo = edges.ToList();
                var removal = new List<(int U, int V)>();
                while (todo.Count > 0)
                {
                    var counts = CountDegrees(todo);
                    todo.Sort((x, y) =>
                    {
                        var cmp = Math.Min(counts[y.U], counts[y.V]).CompareTo(Math.Min(counts[x.U], counts[x.V]));
                        if (cmp != 0) return cmp;
                        cmp = Math.Max(counts[y.U], counts[y.V]).CompareTo(Math.Max(counts[x.U], counts[x.V]));
                        return cmp != 0 ? cmp : x.CompareTo(y);
                    });
                    removal.Add(todo[0]);
                    todo.RemoveAt(0);
                }
                return removal;
            }
            static Dictionary<int, int> CountDegrees(IEnumerable<(int U, int V)> es)
            {
                var counts = new Dictionary<int, int>();
                foreach (var edge in es)
                {
                    counts[edge.V] = counts.GetValueOrDefault(edge.V) + 1;
                    counts[edge.U] = counts.GetValueOrDefault(edge.U) + 1;
                }
                return counts;
            }
            """,
        // h05: names changed, the two loops of Part A swapped with the result allocation, re-spaced onto fewer lines.
        ["d05-adjacency"] = """
            static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges) {
                var sorted = edges.OrderBy(z => z.U).ThenBy(z => z.V).ToArray();
                bool[] used = new bool[edges.Length];
                int[] dg = new int[n];
                for (int j = 0; j < edges.Length; j++) { dg[edges[j].U] += 1; dg[edges[j].V] += 1; }
                var res = new List<(int U, int V)>();
                for (int it = 0; it < sorted.Length; it++) {
                    int bi = -1, bmin = -1, bmax = -1;
                    for (int j = 0; j < sorted.Length; j++) {
                        if (used[j]) continue;
                        int p = dg[sorted[j].U], q = dg[sorted[j].V];
                        int lo = p < q ? p : q, hi = p < q ? q : p;
                        if (lo > bmin || (lo == bmin && hi > bmax)) { bi = j; bmin = lo; bmax = hi; }
                    }
                    used[bi] = true;
                    dg[sorted[bi].V] -= 1;
                    dg[sorted[bi].U] -= 1;
                    res.Add(sorted[bi]);
                }
                return res;
            }
            static int[] WalkIndexScores(int n, (int U, int V)[] edges) {
                var nb = new List<int>[n];
                var r = new int[n];
                for (int j = 0; j < n; j++) nb[j] = new List<int>();
                for (int j = 0; j < edges.Length; j++) { nb[edges[j].U].Add(edges[j].V); nb[edges[j].V].Add(edges[j].U); }
                for (int j = 0; j < n; j++) if (nb[j].Count > 0) r[j] = nb[j].Count + 1;
                return r;
            }
            """,
        // h08: renamed, the declarations at the top reordered, the loop counters re-spaced.
        ["d08-aggregate"] = """
            static int[] WalkIndexScores(int n, (int U, int V)[] edges)
            {
                var deg = edges.Aggregate(new int[n], (a, x) => { a[x.U]++; a[x.V]++; return a; });
                return deg.Select(k => k >= 1 ? k + 1 : 0).ToArray();
            }
            static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges)
            {
                var deg = edges.Aggregate(new int[n], (a, x) => { a[x.U]++; a[x.V]++; return a; });
                var output = new List<(int U, int V)>();
                var rest = edges.OrderBy(x => (x.U, x.V)).ToList();
                while (rest.Count > 0)
                {
                    var b = 0; var c = 1;
                    while (c < rest.Count)
                    {
                        var gain = Math.Min(deg[rest[c].U], deg[rest[c].V]) - Math.Min(deg[rest[b].U], deg[rest[b].V]);
                        if (gain == 0)
                            gain = Math.Max(deg[rest[c].U], deg[rest[c].V]) - Math.Max(deg[rest[b].U], deg[rest[b].V]);
                        if (gain > 0) b = c;
                        c++;
                    }
                    var x = rest[b];
                    rest.RemoveAt(b);
                    deg[x.V]--;
                    deg[x.U]--;
                    output.Add(x);
                }
                return output;
            }
            """,
    };
}
