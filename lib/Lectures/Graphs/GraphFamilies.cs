namespace Lectures.Graphs;

/// <summary>
/// Graph generators: deterministic families (path, cycle, star, complete, grid, two cliques), seeded random
/// graphs (Erdős–Rényi, Barabási–Albert, stochastic block model with bag-of-words features) and Zachary's
/// karate club.
/// </summary>
public static class GraphFamilies
{
    /// <summary>The path 0 - 1 - ... - (n-1): edges {i, i+1}.</summary>
    public static Graph Path(int n)
    {
        CheckAtLeast(n, 1, nameof(n));
        return Build(n, $"path P_{n}", Enumerable.Range(0, n - 1).Select(i => (i, i + 1)));
    }

    /// <summary>The cycle on n >= 3 vertices: edges {i, (i+1) mod n}.</summary>
    public static Graph Cycle(int n)
    {
        CheckAtLeast(n, 3, nameof(n));
        return Build(n, $"cycle C_{n}", Enumerable.Range(0, n).Select(i => (i, (i + 1) % n)));
    }

    /// <summary>The star on n vertices: centre 0 joined to each of 1..n-1.</summary>
    public static Graph Star(int n)
    {
        CheckAtLeast(n, 1, nameof(n));
        return Build(n, $"star S_{n}", Enumerable.Range(1, n - 1).Select(i => (0, i)));
    }

    /// <summary>The complete graph K_n: every pair {i, j}, i &lt; j.</summary>
    public static Graph Complete(int n)
    {
        CheckAtLeast(n, 1, nameof(n));
        return Build(n, $"complete K_{n}", CliqueEdges(0, n));
    }

    /// <summary>The rows x cols grid: vertex r * cols + c joined to its right and lower neighbours.</summary>
    public static Graph Grid(int rows, int cols)
    {
        CheckAtLeast(rows, 1, nameof(rows));
        CheckAtLeast(cols, 1, nameof(cols));
        var edges = new List<(int, int)>();
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
            {
                var v = r * cols + c;
                if (c + 1 < cols) edges.Add((v, v + 1));
                if (r + 1 < rows) edges.Add((v, v + cols));
            }
        return Build(rows * cols, $"grid {rows} x {cols}", edges);
    }

    /// <summary>Two cliques on vertices 0..size-1 and size..2 size-1, joined by the single edge {size-1, size}.</summary>
    public static Graph TwoCliques(int size)
    {
        CheckAtLeast(size, 1, nameof(size));
        var edges = CliqueEdges(0, size).Concat(CliqueEdges(size, size)).Append((size - 1, size));
        return Build(2 * size, $"two {size}-cliques joined by one edge", edges);
    }

    /// <summary>Erdős–Rényi G(n, p): every pair {i, j} is an edge independently with probability p.</summary>
    public static Graph ErdosRenyi(int n, double p, int seed)
    {
        CheckAtLeast(n, 1, nameof(n));
        CheckProbability(p, nameof(p));
        var rng = new Random(seed);
        var edges = new List<(int, int)>();
        SampleBernoulli((long)n * (n - 1) / 2, p, rng, k => edges.Add(PairOfIndex(k)));
        return Build(n, $"Erdős–Rényi G({n}, {p}), seed {seed}", edges);
    }

    /// <summary>Erdős–Rényi G(n, m): m distinct edges drawn uniformly among all n(n-1)/2 pairs.</summary>
    public static Graph ErdosRenyiWithEdges(int n, int m, int seed)
    {
        CheckAtLeast(n, 1, nameof(n));
        var pairs = (long)n * (n - 1) / 2;
        if (m < 0 || m > pairs)
            throw new ArgumentOutOfRangeException(nameof(m), m, $"The edge count must be in 0..{pairs} (all pairs of {n} vertices), got {m}.");
        var rng = new Random(seed);
        var chosen = new HashSet<long>();
        while (chosen.Count < m) chosen.Add(rng.NextInt64(pairs));
        return Build(n, $"Erdős–Rényi G({n}, m = {m}), seed {seed}", chosen.Order().Select(PairOfIndex));
    }

    /// <summary>
    /// Barabási–Albert preferential attachment: start from the complete graph on m + 1 vertices; each further vertex
    /// joins m distinct existing vertices chosen with probability proportional to their degree.
    /// Edges: m(m+1)/2 + m(n - m - 1). Runs in O(n m).
    /// </summary>
    public static Graph BarabasiAlbert(int n, int m, int seed)
    {
        CheckAtLeast(m, 1, nameof(m));
        if (n < m + 1)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"Barabási–Albert with m = {m} needs n >= m + 1 = {m + 1} vertices, got {n}.");
        var rng = new Random(seed);
        var edgeCount = checked(m * (m + 1) / 2 + (long)m * (n - m - 1));
        var us = new int[edgeCount];
        var vs = new int[edgeCount];
        // Every edge endpoint, so a uniform entry is a vertex drawn proportionally to its degree.
        var endpoints = new int[2 * edgeCount];
        var e = 0;
        foreach (var (a, b) in CliqueEdges(0, m + 1))
        {
            (us[e], vs[e]) = (a, b);
            endpoints[2 * e] = a;
            endpoints[2 * e + 1] = b;
            e++;
        }
        var targets = new int[m];
        for (var v = m + 1; v < n; v++)
        {
            var filled = 2 * e;
            for (var k = 0; k < m; k++)
            {
                int t;
                do t = endpoints[rng.Next(filled)];
                while (Array.IndexOf(targets, t, 0, k) >= 0);
                targets[k] = t;
            }
            for (var k = 0; k < m; k++)
            {
                (us[e], vs[e]) = (targets[k], v);
                endpoints[2 * e] = targets[k];
                endpoints[2 * e + 1] = v;
                e++;
            }
        }
        return Graph.FromEdgeArrays(n, us, vs, $"Barabási–Albert n = {n}, m = {m}, seed {seed}");
    }

    /// <summary>
    /// Stochastic block model: blocks of the given sizes (block b holds the next blockSizes[b] vertices and is its
    /// label); a pair in the same block is an edge with probability pIn, across blocks with pOut. With
    /// featureCount > 0 every vertex gets wordsPerVertex distinct binary bag-of-words features: each word is drawn,
    /// with probability topicShare, from its block's own slice of the vocabulary, else from the whole vocabulary.
    /// </summary>
    public static Graph StochasticBlockModel(IReadOnlyList<int> blockSizes, double pIn, double pOut, int seed,
        int featureCount = 0, int wordsPerVertex = 0, double topicShare = 0.7)
    {
        ArgumentNullException.ThrowIfNull(blockSizes);
        if (blockSizes.Count == 0 || blockSizes.Any(s => s < 1))
            throw new ArgumentException($"Block sizes must be a non-empty list of positive sizes, got [{string.Join(", ", blockSizes)}].", nameof(blockSizes));
        CheckProbability(pIn, nameof(pIn));
        CheckProbability(pOut, nameof(pOut));
        CheckProbability(topicShare, nameof(topicShare));
        if (featureCount < 0 || wordsPerVertex < 0 || (featureCount > 0 && wordsPerVertex > featureCount / blockSizes.Count))
            throw new ArgumentException(
                $"Features: {wordsPerVertex} words per vertex from {featureCount} features in {blockSizes.Count} blocks; expected 0 <= words <= features / blocks.",
                nameof(wordsPerVertex));
        var rng = new Random(seed);
        var n = blockSizes.Sum();
        var start = new int[blockSizes.Count + 1];
        for (var b = 0; b < blockSizes.Count; b++) start[b + 1] = start[b] + blockSizes[b];
        var labels = new int[n];
        for (var b = 0; b < blockSizes.Count; b++) labels.AsSpan(start[b], blockSizes[b]).Fill(b);

        var edges = new List<(int, int)>();
        for (var a = 0; a < blockSizes.Count; a++)
        {
            var (sa, na) = (start[a], blockSizes[a]);
            SampleBernoulli((long)na * (na - 1) / 2, pIn, rng, k =>
            {
                var (i, j) = PairOfIndex(k);
                edges.Add((sa + i, sa + j));
            });
            for (var b = a + 1; b < blockSizes.Count; b++)
            {
                var (sb, nb) = (start[b], blockSizes[b]);
                SampleBernoulli((long)na * nb, pOut, rng, k => edges.Add((sa + (int)(k / nb), sb + (int)(k % nb))));
            }
        }
        var graph = Build(n, $"stochastic block model [{string.Join(", ", blockSizes)}], pIn = {pIn}, pOut = {pOut}, seed {seed}", edges)
            .WithLabels(labels, Enumerable.Range(0, blockSizes.Count).Select(b => $"block {b}").ToArray());
        return featureCount == 0 ? graph : graph.WithFeatures(BagOfWords(labels, blockSizes.Count, featureCount, wordsPerVertex, topicShare, rng));
    }

    /// <summary>
    /// A citation-like stand-in for Cora: a stochastic block model with Cora's sizes (2708 vertices in 7 classes,
    /// about 5278 edges, 80% of them inside a class, 1433 binary features, 18 words per vertex).
    /// </summary>
    public static Graph CitationLike(int seed = 0)
    {
        const int n = 2708, classes = 7, edges = 5278;
        var sizes = Enumerable.Range(0, classes).Select(b => n / classes + (b < n % classes ? 1 : 0)).ToArray();
        var inside = sizes.Sum(s => (double)s * (s - 1) / 2);
        var across = (double)n * (n - 1) / 2 - inside;
        return StochasticBlockModel(sizes, 0.8 * edges / inside, 0.2 * edges / across, seed, featureCount: 1433, wordsPerVertex: 18);
    }

    /// <summary>
    /// Zachary's karate club (Zachary 1977): 34 members, 78 friendships; loaded from the copy embedded in the
    /// library (datasets/karate-club.edgelist in the repository).
    /// </summary>
    public static Graph KarateClub()
    {
        const string resource = "Lectures.datasets.karate-club.edgelist";
        using var stream = typeof(GraphFamilies).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource '{resource}' is missing from the Lectures assembly.");
        using var reader = new StreamReader(stream);
        return EdgeListReader.Parse(reader, "karate-club.edgelist", vertexCount: 34);
    }

    private static Graph Build(int n, string source, IEnumerable<(int, int)> edges) => Graph.FromEdges(n, edges, source);

    private static IEnumerable<(int, int)> CliqueEdges(int first, int size)
    {
        for (var i = 0; i < size; i++)
            for (var j = i + 1; j < size; j++)
                yield return (first + i, first + j);
    }

    // Pair number k (0-based) in the order (0,1), (0,2), (1,2), (0,3), (1,3), (2,3), ...: j is the largest with
    // j(j-1)/2 <= k.
    private static (int, int) PairOfIndex(long k)
    {
        var j = (long)((1 + Math.Sqrt(1 + 8.0 * k)) / 2);
        while (j * (j - 1) / 2 > k) j--;
        while ((j + 1) * j / 2 <= k) j++;
        return ((int)(k - j * (j - 1) / 2), (int)j);
    }

    // Calls hit(k) for each k in 0..count-1 independently with probability p, skipping geometrically distributed
    // gaps (Batagelj and Brandes 2005), so the cost is proportional to the number of hits.
    private static void SampleBernoulli(long count, double p, Random rng, Action<long> hit)
    {
        if (p <= 0) return;
        if (p >= 1)
        {
            for (long k = 0; k < count; k++) hit(k);
            return;
        }
        var logQ = Math.Log(1 - p);
        for (var k = -1L; ;)
        {
            k += 1 + (long)Math.Floor(Math.Log(1 - rng.NextDouble()) / logQ);
            if (k >= count) return;
            hit(k);
        }
    }

    private static CsrMatrix BagOfWords(int[] labels, int classes, int features, int words, double topicShare, Random rng)
    {
        var rows = new List<(int, float)>[labels.Length];
        var chosen = new HashSet<int>();
        for (var v = 0; v < labels.Length; v++)
        {
            var (lo, hi) = (labels[v] * features / classes, (labels[v] + 1) * features / classes);
            chosen.Clear();
            while (chosen.Count < words)
                chosen.Add(rng.NextDouble() < topicShare ? rng.Next(lo, hi) : rng.Next(features));
            rows[v] = chosen.Select(w => (w, 1f)).ToList();
        }
        return CsrMatrix.FromRows(features, rows);
    }

    private static void CheckAtLeast(int value, int min, string name)
    {
        if (value < min)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be >= {min}, got {value}.");
    }

    private static void CheckProbability(double p, string name)
    {
        if (!(p is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(name, p, $"{name} is a probability and must be in [0, 1], got {p}.");
    }
}
