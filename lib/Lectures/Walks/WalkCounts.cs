using System.Numerics;
using Lectures.Graphs;

namespace Lectures.Walks;

/// <summary>
/// Walk counts in a graph with a self-loop added at every vertex (A = adjacency + identity, N(i) includes i):
/// rho_l(C, C') = number of length-l walks that start in C and end in C' = Σ_{i in C, j in C'} (A^l)_{ij}.
/// Counts for all end vertices at once cost l sparse mat-vecs. 64-bit counts are checked and raise an
/// OverflowException naming the length; the Exact variants count with BigInteger.
/// </summary>
public static class WalkCounts
{
    /// <summary>rho_l(C, {t}) for every t: the vector A^l 1_C (A symmetric), in 64-bit integers.</summary>
    public static long[] ToEachVertex(Graph graph, IEnumerable<int> start, int length) => Count<long>(graph, start, length);

    /// <summary>rho_l(C, {t}) for every t as exact BigIntegers.</summary>
    public static BigInteger[] ToEachVertexExact(Graph graph, IEnumerable<int> start, int length) => Count<BigInteger>(graph, start, length);

    /// <summary>rho_l(C, C') = Σ_{t in C'} rho_l(C, {t}).</summary>
    public static long Between(Graph graph, IEnumerable<int> start, IEnumerable<int> end, int length)
    {
        var counts = ToEachVertex(graph, start, length);
        var ends = Partition.VertexSet(graph.VertexCount, end, "C'");
        return SumChecked(ends.Select(t => counts[t]), length);
    }

    /// <summary>rho_l(C, V) = number of length-l walks starting in C.</summary>
    public static long Total(Graph graph, IEnumerable<int> start, int length) => SumChecked(ToEachVertex(graph, start, length), length);

    /// <summary>rho_l(C, V) as an exact BigInteger.</summary>
    public static BigInteger TotalExact(Graph graph, IEnumerable<int> start, int length) =>
        ToEachVertexExact(graph, start, length).Aggregate(BigInteger.Zero, (a, b) => a + b);

    /// <summary>
    /// One step y = A x with self-loops: y_i = x_i + Σ_{j in N(i)} x_j. Checked: a 64-bit overflow throws.
    /// <paramref name="x"/> and <paramref name="y"/> have length n and must not overlap.
    /// </summary>
    public static void Step<T>(Graph graph, ReadOnlySpan<T> x, Span<T> y) where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.VertexCount;
        if (x.Length != n || y.Length != n)
            throw new ArgumentException($"Vectors of length {x.Length} and {y.Length}, expected one entry per vertex ({n}).");
        var offsets = graph.RowOffsets;
        var adjacency = graph.Adjacency;
        for (var i = 0; i < n; i++)
        {
            var sum = x[i];
            for (var k = offsets[i]; k < offsets[i + 1]; k++) sum = checked(sum + x[adjacency[k]]);
            y[i] = sum;
        }
    }

    private static T[] Count<T>(Graph graph, IEnumerable<int> start, int length) where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (length < 0)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"A walk length must be >= 0, got {length}.");
        var x = new T[graph.VertexCount];
        foreach (var v in Partition.VertexSet(graph.VertexCount, start, "C")) x[v] = T.One;
        var y = new T[graph.VertexCount];
        for (var l = 1; l <= length; l++)
        {
            try
            {
                Step<T>(graph, x, y);
            }
            catch (OverflowException e)
            {
                throw Overflow(l, e);
            }
            (x, y) = (y, x);
        }
        return x;
    }

    private static long SumChecked(IEnumerable<long> counts, int length)
    {
        try
        {
            return counts.Aggregate(0L, (a, b) => checked(a + b));
        }
        catch (OverflowException e)
        {
            throw Overflow(length, e);
        }
    }

    private static OverflowException Overflow(int length, Exception inner) => new(
        $"Walk counts of length l = {length} overflow 64-bit integers; use WalkCounts.ToEachVertexExact or TotalExact (BigInteger).", inner);
}
