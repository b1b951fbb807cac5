using Lectures.Graphs;

namespace Lectures.Walks;

/// <summary>Families of partitions (I, I^c) to survey: every partition of a small graph, or seeded random ones.</summary>
public static class Partitions
{
    /// <summary>The largest graph <see cref="All"/> enumerates: 2^(n-1) - 1 partitions.</summary>
    public const int MaxVertexCountForAll = 20;

    /// <summary>
    /// Every partition with both sides non-empty, once each: the 2^(n-1) - 1 sets I that contain vertex 0 and miss
    /// at least one vertex (I and I^c give the same separation rank and walk index), in order of the bit mask of
    /// the vertices 1..n-1 in I.
    /// </summary>
    public static IReadOnlyList<int[]> All(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.VertexCount;
        if (n < 2 || n > MaxVertexCountForAll)
            throw new ArgumentException(
                $"Enumerating all partitions needs 2..{MaxVertexCountForAll} vertices, the graph has {n}; use Partitions.Random for larger graphs.", nameof(graph));
        var result = new List<int[]>((1 << (n - 1)) - 1);
        for (var mask = 0; mask < (1 << (n - 1)) - 1; mask++)
            result.Add(Enumerable.Range(1, n - 1).Where(v => (mask >> (v - 1) & 1) == 1).Prepend(0).ToArray());
        return result;
    }

    /// <summary>
    /// <paramref name="count"/> seeded random sets I, each vertex in I independently with probability 1/2, redrawn
    /// until both sides are non-empty; sorted ascending (repeats are possible).
    /// </summary>
    public static IReadOnlyList<int[]> Random(Graph graph, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.VertexCount < 2)
            throw new ArgumentException($"A partition with both sides non-empty needs >= 2 vertices, the graph has {graph.VertexCount}.", nameof(graph));
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The number of partitions must be >= 0, got {count}.");
        var rng = new Random(seed);
        var result = new List<int[]>(count);
        while (result.Count < count)
        {
            var I = graph.Vertices.Where(_ => rng.Next(2) == 0).ToArray();
            if (I.Length > 0 && I.Length < graph.VertexCount) result.Add(I);
        }
        return result;
    }
}
