using Lectures.Graphs;

namespace Lectures.Walks;

/// <summary>
/// A partition (I, I^c) of the vertices of a graph: I is a set of distinct vertex ids in 0..n-1 (possibly empty
/// or all of V), I^c = V \ I.
/// </summary>
public sealed class Partition
{
    private readonly bool[] inI;
    private int[]? complement;

    private Partition(int[] side, bool[] inI)
    {
        I = side;
        this.inI = inI;
    }

    /// <summary>The side I, sorted ascending.</summary>
    public IReadOnlyList<int> I { get; }

    /// <summary>The other side I^c = V \ I, sorted ascending.</summary>
    public IReadOnlyList<int> Complement => complement ??= Enumerable.Range(0, inI.Length).Where(v => !inI[v]).ToArray();

    /// <summary>n = |V|.</summary>
    public int VertexCount => inI.Length;

    /// <summary>Whether v is in I.</summary>
    public bool Contains(int v) => inI[v];

    /// <summary>
    /// The partition of the graph's vertices with side I; ids must be in 0..n-1 and distinct (an ArgumentException
    /// names the first bad one).
    /// </summary>
    public static Partition Of(Graph graph, IEnumerable<int> I)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var side = VertexSet(graph.VertexCount, I, "I", out var inI);
        return new Partition(side, inI);
    }

    /// <summary>"I = {..}" with the vertices of I.</summary>
    public override string ToString() => $"{{{string.Join(", ", I)}}}";

    /// <summary>The vertices as a sorted array, checking that each is in 0..n-1 and appears once; <paramref name="name"/> names the set in errors.</summary>
    internal static int[] VertexSet(int vertexCount, IEnumerable<int> vertices, string name) => VertexSet(vertexCount, vertices, name, out _);

    /// <summary>As <see cref="VertexSet(int, IEnumerable{int}, string)"/>, also returning the membership flags seen[v] = (v in the set).</summary>
    internal static int[] VertexSet(int vertexCount, IEnumerable<int> vertices, string name, out bool[] seen)
    {
        ArgumentNullException.ThrowIfNull(vertices, name);
        seen = new bool[vertexCount];
        var count = 0;
        foreach (var v in vertices)
        {
            if ((uint)v >= (uint)vertexCount)
                throw new ArgumentException($"Vertex {v} in {name} is out of range: {Graph.RangeText(vertexCount)}.", name);
            if (seen[v])
                throw new ArgumentException($"Vertex {v} appears more than once in {name}; expected a set of distinct vertices.", name);
            seen[v] = true;
            count++;
        }
        var sorted = new int[count];
        for (int v = 0, k = 0; k < count; v++)
            if (seen[v]) sorted[k++] = v;
        return sorted;
    }
}
