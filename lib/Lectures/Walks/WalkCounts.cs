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
    public static long[] ToEachVertex(Graph graph, IEnumerable<int> start, int length) => Count<long>(graph, StartSet(graph, start), length);

    /// <summary>rho_l(C, {t}) for every t as exact BigIntegers.</summary>
    public static BigInteger[] ToEachVertexExact(Graph graph, IEnumerable<int> start, int length) => Count<BigInteger>(graph, StartSet(graph, start), length);

    /// <summary>rho_l(C, C') = Σ_{t in C'} rho_l(C, {t}).</summary>
    public static long Between(Graph graph, IEnumerable<int> start, IEnumerable<int> end, int length)
    {
        var counts = ToEachVertex(graph, start, length);
        var ends = Partition.VertexSet(graph.VertexCount, end, "C'");
        return SumChecked(ends.Select(t => counts[t]), length);
    }

    /// <summary>rho_l(C, V) = number of length-l walks starting in C.</summary>
    public static long Total(Graph graph, IEnumerable<int> start, int length) => Total(graph, StartSet(graph, start), length);

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
        Step(graph, x, y, checkOverflow: true);
    }

    /// <summary>rho_l(C, V) for a start set already checked to be distinct vertices of the graph.</summary>
    internal static long Total(Graph graph, int[] start, int length) => SumChecked(Count<long>(graph, start, length), length);

    /// <summary>rho_l(C, {t}) for every t, for a start set already checked to be distinct vertices of the graph.</summary>
    internal static T[] Count<T>(Graph graph, int[] start, int length) where T : struct, INumber<T>
    {
        if (length < 0)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"A walk length must be >= 0, got {length}.");
        var x = new T[graph.VertexCount];
        foreach (var v in start) x[v] = T.One;
        var y = GC.AllocateUninitializedArray<T>(graph.VertexCount);
        // While every entry is at most max, one step gives at most (max degree + 1) * max; below the headroom
        // that cannot overflow, so the step runs unchecked (about twice as fast), otherwise checked.
        T? headroom = typeof(T) == typeof(long) ? T.CreateChecked(long.MaxValue / (graph.MaxDegree + 1L)) : null;
        var max = T.One;
        for (var l = 1; l <= length; l++)
        {
            try
            {
                max = Step<T>(graph, x, y, checkOverflow: headroom is { } h && max > h);
            }
            catch (OverflowException e)
            {
                throw Overflow(l, e);
            }
            (x, y) = (y, x);
        }
        return x;
    }

    // y = (A + I) x; returns max_i y_i.
    private static T Step<T>(Graph graph, ReadOnlySpan<T> x, Span<T> y, bool checkOverflow) where T : INumber<T>
    {
        var offsets = graph.RowOffsets;
        var adjacency = graph.Adjacency;
        var max = T.Zero;
        for (var i = 0; i < y.Length; i++)
        {
            var sum = x[i];
            if (checkOverflow)
                for (var k = offsets[i]; k < offsets[i + 1]; k++) sum = checked(sum + x[adjacency[k]]);
            else
                for (var k = offsets[i]; k < offsets[i + 1]; k++) sum += x[adjacency[k]];
            y[i] = sum;
            if (sum > max) max = sum;
        }
        return max;
    }

    private static int[] StartSet(Graph graph, IEnumerable<int> start)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return Partition.VertexSet(graph.VertexCount, start, "C");
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
