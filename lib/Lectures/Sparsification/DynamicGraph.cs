using Lectures.Graphs;

namespace Lectures.Sparsification;

/// <summary>
/// A graph whose edges can be removed in O(1): per-vertex neighbour arrays with swap removal. Edge ids are those
/// of the graph it was built from; neighbour order is not kept.
/// </summary>
internal sealed class DynamicGraph
{
    private readonly int[][] neighbors;
    private readonly int[][] incident;
    private readonly int[] degree;
    private readonly int[] slotAtU;
    private readonly int[] slotAtV;

    public DynamicGraph(Graph graph)
    {
        Edges = graph.Edges;
        var n = graph.VertexCount;
        neighbors = new int[n][];
        incident = new int[n][];
        degree = new int[n];
        for (var v = 0; v < n; v++)
        {
            neighbors[v] = graph.Neighbors(v).ToArray();
            incident[v] = graph.IncidentEdges(v).ToArray();
            degree[v] = neighbors[v].Length;
        }
        slotAtU = new int[Edges.Count];
        slotAtV = new int[Edges.Count];
        for (var v = 0; v < n; v++)
            for (var k = 0; k < degree[v]; k++)
            {
                var id = incident[v][k];
                if (Edges[id].U == v) slotAtU[id] = k;
                else slotAtV[id] = k;
            }
    }

    public IReadOnlyList<Edge> Edges { get; }

    public int VertexCount => degree.Length;

    public int Degree(int v) => degree[v];

    public ReadOnlySpan<int> Neighbors(int v) => neighbors[v].AsSpan(0, degree[v]);

    /// <summary>The ids of the edges at v, aligned with <see cref="Neighbors"/>.</summary>
    public ReadOnlySpan<int> IncidentEdges(int v) => incident[v].AsSpan(0, degree[v]);

    public void Remove(int id)
    {
        var (u, v) = Edges[id];
        RemoveSlot(u, slotAtU[id]);
        RemoveSlot(v, slotAtV[id]);
    }

    private void RemoveSlot(int v, int slot)
    {
        var last = --degree[v];
        var moved = incident[v][last];
        neighbors[v][slot] = neighbors[v][last];
        incident[v][slot] = moved;
        if (Edges[moved].U == v) slotAtU[moved] = slot;
        else slotAtV[moved] = slot;
    }
}
