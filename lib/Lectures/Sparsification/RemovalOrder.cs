using Lectures.Graphs;

namespace Lectures.Sparsification;

/// <summary>
/// A full removal order of the undirected edges of a graph, produced by a sparsification method. Sparsity p%
/// removes the first round(p/100 * m) edges of the order, so the sparsified graphs are nested as p grows.
/// </summary>
public sealed class RemovalOrder
{
    private readonly int[] edgeIds;

    /// <summary>
    /// Wraps an order given as edge ids of <paramref name="graph"/>; it must be a permutation of 0..m-1.
    /// </summary>
    public RemovalOrder(string method, Graph graph, IReadOnlyList<int> edgeIds)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(edgeIds);
        var m = graph.EdgeCount;
        if (edgeIds.Count != m)
            throw new ArgumentException($"A removal order lists every edge once: got {edgeIds.Count} ids for a graph with {m} edges.", nameof(edgeIds));
        var seen = new bool[m];
        foreach (var id in edgeIds)
        {
            if ((uint)id >= (uint)m)
                throw new ArgumentException($"Edge id {id} is out of range: the graph has {m} edges (0..{m - 1}).", nameof(edgeIds));
            if (seen[id])
                throw new ArgumentException($"Edge id {id} appears twice in the removal order.", nameof(edgeIds));
            seen[id] = true;
        }
        Method = method;
        Graph = graph;
        this.edgeIds = edgeIds.ToArray();
    }

    /// <summary>The method that produced the order, e.g. "1-WIS", "random (seed 0)".</summary>
    public string Method { get; }

    /// <summary>The graph whose edges are ordered.</summary>
    public Graph Graph { get; }

    /// <summary>m, the number of edges in the order.</summary>
    public int Count => edgeIds.Length;

    /// <summary>The edge ids of <see cref="Graph"/> in removal order (first removed first).</summary>
    public IReadOnlyList<int> EdgeIds => edgeIds;

    /// <summary>The edges (u, v) in removal order.</summary>
    public IReadOnlyList<Edge> Edges => edgeIds.Select(id => Graph.Edges[id]).ToArray();

    /// <summary>The number of edges removed at sparsity p%: round(p/100 * m), halves rounded up.</summary>
    public int RemovedCount(double percent)
    {
        if (!(percent is >= 0 and <= 100))
            throw new ArgumentOutOfRangeException(nameof(percent), percent, $"The share of edges to remove is a percentage and must be in [0, 100], got {percent}.");
        return (int)Math.Round(percent / 100 * Count, MidpointRounding.AwayFromZero);
    }

    /// <summary>The ids of the first round(p/100 * m) edges of the order.</summary>
    public IReadOnlyList<int> Removed(double percent) => edgeIds[..RemovedCount(percent)];

    /// <summary>Kept[id] = whether edge id survives sparsity p% (a mask over the edge ids of <see cref="Graph"/>).</summary>
    public bool[] KeptMask(double percent)
    {
        var kept = Enumerable.Repeat(true, Count).ToArray();
        foreach (var id in Removed(percent)) kept[id] = false;
        return kept;
    }

    /// <summary>The graph with the first round(p/100 * m) edges of the order removed (vertices, features, labels kept).</summary>
    public Graph Apply(double percent) => Graph.RemoveEdges(Removed(percent));

    /// <summary>"method: m edges of graph".</summary>
    public override string ToString() => $"{Method}: removal order of {Count} edges of the {Graph}";

    /// <summary>Throws the kit's error for a graph no sparsifier can order: one without edges.</summary>
    internal static void CheckHasEdges(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.EdgeCount == 0)
            throw new ArgumentException($"The graph has no edges to remove ({graph}); a removal order needs at least one edge.", nameof(graph));
    }
}
