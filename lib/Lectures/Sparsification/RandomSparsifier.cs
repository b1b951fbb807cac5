using Lectures.Graphs;

namespace Lectures.Sparsification;

/// <summary>The random baseline: a seeded uniform shuffle of the undirected edges.</summary>
public static class RandomSparsifier
{
    /// <summary>A uniformly random removal order (Fisher–Yates shuffle with new Random(seed)).</summary>
    public static RemovalOrder Order(Graph graph, int seed)
    {
        RemovalOrder.CheckHasEdges(graph);
        var order = Enumerable.Range(0, graph.EdgeCount).ToArray();
        new Random(seed).Shuffle(order);
        return new RemovalOrder($"random (seed {seed})", graph, order);
    }
}
