using Lectures.Graphs;

namespace Lectures.Walks;

/// <summary>
/// The walk index of a partition (I, I^c) for a depth-L GNN: the number of length-(L-1) walks (self-loops
/// allowed) that start on the boundary C_I. Empty or full I has an empty boundary and walk index 0.
/// </summary>
public static class WalkIndex
{
    /// <summary>Graph prediction: WI_{L-1}(I) = rho_{L-1}(C_I, V), walks from the boundary to anywhere.</summary>
    public static long ForGraphPrediction(Graph graph, IEnumerable<int> I, int depth) =>
        WalkCounts.Total(graph, Boundary.Of(graph, I), WalkLength(depth));

    /// <summary>Vertex prediction, every t at once: WI_{L-1,t}(I) = rho_{L-1}(C_I, {t}), the entries of A^{L-1} 1_{C_I}.</summary>
    public static long[] ForVertexPrediction(Graph graph, IEnumerable<int> I, int depth) =>
        WalkCounts.Count<long>(graph, Boundary.Of(graph, I), WalkLength(depth));

    /// <summary>Vertex prediction at t: WI_{L-1,t}(I) = number of length-(L-1) walks from C_I to t.</summary>
    public static long ForVertexPrediction(Graph graph, IEnumerable<int> I, int depth, int t)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.CheckVertex(t, nameof(t));
        return ForVertexPrediction(graph, I, depth)[t];
    }

    private static int WalkLength(int depth) => depth >= 1
        ? depth - 1
        : throw new ArgumentOutOfRangeException(nameof(depth), depth, $"The GNN depth L must be >= 1, got {depth}.");
}
