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
        var boundary = new List<int>();
        for (var v = 0; v < graph.VertexCount; v++)
        {
            var side = partition.Contains(v);
            foreach (var u in graph.Neighbors(v))
                if (partition.Contains(u) != side)
                {
                    boundary.Add(v);
                    break;
                }
        }
        return boundary.ToArray();
    }
}
