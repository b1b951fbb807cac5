namespace Lectures.Graphs;

/// <summary>
/// An immutable undirected simple graph G = (V, E), V = {0..n-1}, in compressed sparse row (CSR) form.
/// Edges have ids 0..m-1 in lexicographic order of (u, v), u &lt; v; every vertex's neighbours are sorted and
/// come with the id of the edge that joins them. Self-loops are not stored: the GNN and the walk counts add
/// them (N(i) includes i) themselves. Optional vertex features (sparse rows), labels and class names ride along.
/// </summary>
public sealed class Graph
{
    private readonly int[] offsets;
    private readonly int[] targets;
    private readonly int[] slotEdges;
    private readonly Edge[] edges;
    private readonly int[]? labels;
    private readonly string[]? classNames;

    private Graph(int[] offsets, int[] targets, int[] slotEdges, Edge[] edges, GraphLoadReport report,
        CsrMatrix? features, int[]? labels, string[]? classNames)
    {
        this.offsets = offsets;
        this.targets = targets;
        this.slotEdges = slotEdges;
        this.edges = edges;
        LoadReport = report;
        Features = features;
        this.labels = labels;
        this.classNames = classNames;
    }

    /// <summary>n = |V|.</summary>
    public int VertexCount => offsets.Length - 1;

    /// <summary>m = |E|, the number of undirected edges.</summary>
    public int EdgeCount => edges.Length;

    /// <summary>The vertices 0..n-1.</summary>
    public IEnumerable<int> Vertices => Enumerable.Range(0, VertexCount);

    /// <summary>The edges as (u, v) with u &lt; v, in lexicographic order; the index in this list is the edge id.</summary>
    public IReadOnlyList<Edge> Edges => edges;

    /// <summary>Self-loops and duplicate edges dropped when the graph was built.</summary>
    public GraphLoadReport LoadReport { get; }

    /// <summary>Vertex features X (row v = x^(v), n rows), or null when the graph has none.</summary>
    public CsrMatrix? Features { get; }

    /// <summary>Class label of every vertex (0..classes-1), or null.</summary>
    public IReadOnlyList<int>? Labels => labels;

    /// <summary>Name of every class, indexed by label, or null.</summary>
    public IReadOnlyList<string>? ClassNames => classNames;

    /// <summary>Number of classes: the length of ClassNames, else max label + 1, else 0.</summary>
    public int ClassCount => classNames?.Length ?? (labels is { Length: > 0 } ? labels.Max() + 1 : 0);

    /// <summary>Row offsets of the CSR adjacency: the neighbours of v are Adjacency[RowOffsets[v]..RowOffsets[v+1]].</summary>
    public ReadOnlySpan<int> RowOffsets => offsets;

    /// <summary>The CSR adjacency: all neighbour lists one after another (length 2m), each sorted.</summary>
    public ReadOnlySpan<int> Adjacency => targets;

    /// <summary>The neighbours of v (without v itself), sorted ascending.</summary>
    public ReadOnlySpan<int> Neighbors(int v)
    {
        CheckVertex(v);
        return targets.AsSpan(offsets[v], offsets[v + 1] - offsets[v]);
    }

    /// <summary>The ids of the edges at v, in the same order as <see cref="Neighbors"/>.</summary>
    public ReadOnlySpan<int> IncidentEdges(int v)
    {
        CheckVertex(v);
        return slotEdges.AsSpan(offsets[v], offsets[v + 1] - offsets[v]);
    }

    /// <summary>d_v = number of neighbours of v (the self-loop the GNN adds is not counted).</summary>
    public int Degree(int v)
    {
        CheckVertex(v);
        return offsets[v + 1] - offsets[v];
    }

    /// <summary>The largest degree, 0 for a graph without edges.</summary>
    public int MaxDegree
    {
        get
        {
            var max = 0;
            for (var v = 0; v < VertexCount; v++) max = Math.Max(max, offsets[v + 1] - offsets[v]);
            return max;
        }
    }

    /// <summary>The id of edge {u, v} (either order), or -1 when it is not in the graph.</summary>
    public int EdgeId(int u, int v)
    {
        CheckVertex(u);
        CheckVertex(v);
        var row = targets.AsSpan(offsets[u], offsets[u + 1] - offsets[u]);
        var k = row.BinarySearch(v);
        return k >= 0 ? slotEdges[offsets[u] + k] : -1;
    }

    /// <summary>Whether {u, v} is an edge.</summary>
    public bool HasEdge(int u, int v) => EdgeId(u, v) >= 0;

    /// <summary>
    /// Builds the simple graph on n vertices with the given edges; self-loops and repeated edges are dropped and
    /// counted in <see cref="LoadReport"/>.
    /// </summary>
    public static Graph FromEdges(int vertexCount, IEnumerable<(int U, int V)> edges, string source = "edge list")
    {
        ArgumentNullException.ThrowIfNull(edges);
        var list = edges as IReadOnlyCollection<(int, int)>;
        var us = new List<int>(list?.Count ?? 16);
        var vs = new List<int>(list?.Count ?? 16);
        foreach (var (u, v) in edges)
        {
            us.Add(u);
            vs.Add(v);
        }
        return FromEdgeArrays(vertexCount, us.ToArray(), vs.ToArray(), source);
    }

    /// <summary>
    /// Builds the simple graph on n vertices with edges {us[k], vs[k]}; self-loops and repeated edges are dropped
    /// and counted. Runs in O(n + m log d_max).
    /// </summary>
    public static Graph FromEdgeArrays(int vertexCount, int[] us, int[] vs, string source = "edge list")
    {
        ArgumentNullException.ThrowIfNull(us);
        ArgumentNullException.ThrowIfNull(vs);
        if (vertexCount < 0)
            throw new ArgumentOutOfRangeException(nameof(vertexCount), vertexCount, $"The vertex count must be >= 0, got {vertexCount}.");
        if (us.Length != vs.Length)
            throw new ArgumentException($"The endpoint arrays have different lengths: {us.Length} and {vs.Length}.", nameof(vs));
        var n = vertexCount;
        var count = new int[n + 1];
        var selfLoops = 0;
        for (var k = 0; k < us.Length; k++)
        {
            int u = us[k], v = vs[k];
            if ((uint)u >= (uint)n || (uint)v >= (uint)n)
                throw new ArgumentException(
                    $"Edge {k} ({u}, {v}): vertex {((uint)u >= (uint)n ? u : v)} is out of range: {RangeText(n)}.", nameof(us));
            if (u == v) selfLoops++;
            else count[Math.Min(u, v) + 1]++;
        }
        for (var i = 0; i < n; i++) count[i + 1] += count[i];
        var bucket = new int[count[n]];
        var fill = count[..n];
        for (var k = 0; k < us.Length; k++)
        {
            int u = us[k], v = vs[k];
            if (u != v) bucket[fill[Math.Min(u, v)]++] = Math.Max(u, v);
        }
        var edgeList = new List<Edge>(bucket.Length);
        for (var a = 0; a < n; a++)
        {
            var row = bucket.AsSpan(count[a], count[a + 1] - count[a]);
            row.Sort();
            for (var k = 0; k < row.Length; k++)
                if (k == 0 || row[k] != row[k - 1]) edgeList.Add(new Edge(a, row[k]));
        }
        var report = new GraphLoadReport(source, us.Length, selfLoops, bucket.Length - edgeList.Count);
        return FromSortedEdges(n, edgeList.ToArray(), report, null, null, null);
    }

    /// <summary>The graph with the given edges (by id) removed; vertices, features and labels are kept.</summary>
    public Graph RemoveEdges(IEnumerable<int> edgeIds)
    {
        ArgumentNullException.ThrowIfNull(edgeIds);
        var removed = new bool[EdgeCount];
        foreach (var id in edgeIds)
        {
            if ((uint)id >= (uint)EdgeCount)
                throw new ArgumentException($"Edge id {id} is out of range: the graph has {EdgeCount} edges (0..{EdgeCount - 1}).", nameof(edgeIds));
            removed[id] = true;
        }
        return Keep(removed);
    }

    /// <summary>The graph with the given edges {u, v} removed; each must be an edge of the graph.</summary>
    public Graph RemoveEdges(IEnumerable<Edge> edgesToRemove)
    {
        ArgumentNullException.ThrowIfNull(edgesToRemove);
        return RemoveEdges(edgesToRemove.Select(e =>
        {
            var id = EdgeId(e.U, e.V);
            return id >= 0 ? id : throw new ArgumentException($"Edge {e} is not in the graph.", nameof(edgesToRemove));
        }).ToList());
    }

    /// <summary>The same graph with vertex features X (n rows, one per vertex).</summary>
    public Graph WithFeatures(CsrMatrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.RowCount != VertexCount)
            throw new ArgumentException($"The feature matrix has {features.RowCount} rows, expected one per vertex ({VertexCount}).", nameof(features));
        return new Graph(offsets, targets, slotEdges, edges, LoadReport, features, labels, classNames);
    }

    /// <summary>The same graph with a class label per vertex and, optionally, the class names (indexed by label).</summary>
    public Graph WithLabels(IReadOnlyList<int> vertexLabels, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(vertexLabels);
        if (vertexLabels.Count != VertexCount)
            throw new ArgumentException($"There are {vertexLabels.Count} labels, expected one per vertex ({VertexCount}).", nameof(vertexLabels));
        for (var v = 0; v < vertexLabels.Count; v++)
        {
            var label = vertexLabels[v];
            if (label < 0 || (names != null && label >= names.Count))
                throw new ArgumentException(
                    names is null
                        ? $"Vertex {v} has label {label}, expected a label >= 0."
                        : $"Vertex {v} has label {label}, expected 0..{names.Count - 1} (one per class name).", nameof(vertexLabels));
        }
        return new Graph(offsets, targets, slotEdges, edges, LoadReport, Features, vertexLabels.ToArray(), names?.ToArray());
    }

    /// <summary>"Graph with n vertices and m edges" (plus features and classes when present).</summary>
    public override string ToString()
    {
        var text = $"Graph with {VertexCount} vertices and {EdgeCount} edges";
        if (Features != null) text += $", {Features.ColumnCount} features";
        if (labels != null) text += $", {ClassCount} classes";
        return text;
    }

    /// <summary>Throws an ArgumentException unless 0 &lt;= v &lt; n.</summary>
    internal void CheckVertex(int v, string paramName = "v")
    {
        if ((uint)v >= (uint)VertexCount)
            throw new ArgumentException($"Vertex {v} is out of range: {RangeText(VertexCount)}.", paramName);
    }

    /// <summary>"the graph has n vertices (0..n-1)".</summary>
    internal static string RangeText(int n) => n == 0 ? "the graph has no vertices" : $"the graph has {n} vertices (0..{n - 1})";

    private Graph Keep(bool[] removed)
    {
        var kept = new List<Edge>(EdgeCount);
        for (var id = 0; id < EdgeCount; id++)
            if (!removed[id]) kept.Add(edges[id]);
        var report = new GraphLoadReport($"{LoadReport.Source} with {EdgeCount - kept.Count} edges removed", kept.Count, 0, 0);
        return FromSortedEdges(VertexCount, kept.ToArray(), report, Features, labels, classNames);
    }

    // The edges are unique and in lexicographic order, so appending each edge to both endpoints' rows in that
    // order leaves every row sorted: a row first receives its smaller neighbours (edges (w, x), w < x, in order
    // of w), then its larger ones (edges (x, y) in order of y).
    private static Graph FromSortedEdges(int n, Edge[] edges, GraphLoadReport report, CsrMatrix? features, int[]? labels, string[]? classNames)
    {
        var offsets = new int[n + 1];
        foreach (var e in edges)
        {
            offsets[e.U + 1]++;
            offsets[e.V + 1]++;
        }
        for (var v = 0; v < n; v++) offsets[v + 1] += offsets[v];
        var targets = new int[2 * edges.Length];
        var slotEdges = new int[2 * edges.Length];
        var fill = offsets[..n];
        for (var id = 0; id < edges.Length; id++)
        {
            var (u, v) = edges[id];
            targets[fill[u]] = v;
            slotEdges[fill[u]++] = id;
            targets[fill[v]] = u;
            slotEdges[fill[v]++] = id;
        }
        return new Graph(offsets, targets, slotEdges, edges, report, features, labels, classNames);
    }
}
