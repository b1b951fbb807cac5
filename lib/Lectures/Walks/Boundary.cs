using Lectures.Graphs;

namespace Lectures.Walks;

/// <summary>
/// The boundary of a partition, both sides:
/// C_I = {i in I : N(i) ∩ I^c ≠ ∅} ∪ {j in I^c : N(j) ∩ I ≠ ∅}, the vertices with a neighbour across the cut.
/// </summary>
public static class Boundary
{
    /// <summary>C_I, sorted ascending; empty when I is empty or all of V.</summary>
    public static int[] Of(Graph graph, IEnumerable<int> I) => Of(graph, Partition.Of(graph, I));

    /// <summary>C_I for an already validated partition, sorted ascending.</summary>
    public static int[] Of(Graph graph, Partition partition)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(partition);
        if (partition.VertexCount != graph.VertexCount)
            throw new ArgumentException(
                $"The partition is of {partition.VertexCount} vertices but the graph has {graph.VertexCount}.", nameof(partition));
        var offsets = graph.RowOffsets;
        var adjacency = graph.Adjacency;
        var onBoundary = new bool[graph.VertexCount];
        var count = 0;
        for (var v = 0; v < onBoundary.Length; v++)
        {
            var side = partition.Contains(v);
            for (var k = offsets[v]; k < offsets[v + 1]; k++)
                if (partition.Contains(adjacency[k]) != side)
                {
                    onBoundary[v] = true;
                    count++;
                    break;
                }
        }
        var boundary = new int[count];
        for (int v = 0, k = 0; k < count; v++)
            if (onBoundary[v]) boundary[k++] = v;
        return boundary;
    }
}
