using Lectures.Graphs;

namespace Lectures.Walks;

/// <summary>
/// A partition (I, I^c) of the vertices of a graph: I is a set of distinct vertex ids in 0..n-1 (possibly empty
/// or all of V), I^c = V \ I.
/// </summary>
public sealed class Partition
{
    private readonly bool[] inI;

    private Partition(int[] side, bool[] inI)
    {
        I = side;
        this.inI = inI;
        Complement = Enumerable.Range(0, inI.Length).Where(v => !inI[v]).ToArray();
    }

    /// <summary>The side I, sorted ascending.</summary>
    public IReadOnlyList<int> I { get; }

    /// <summary>The other side I^c = V \ I, sorted ascending.</summary>
    public IReadOnlyList<int> Complement { get; }

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
        var side = VertexSet(graph.VertexCount, I, "I");
        var inI = new bool[graph.VertexCount];
        foreach (var v in side) inI[v] = true;
        return new Partition(side, inI);
    }

    /// <summary>"I = {..}" with the vertices of I.</summary>
    public override string ToString() => $"{{{string.Join(", ", I)}}}";

    /// <summary>The vertices as a sorted array, checking that each is in 0..n-1 and appears once; <paramref name="name"/> names the set in errors.</summary>
    internal static int[] VertexSet(int vertexCount, IEnumerable<int> vertices, string name)
    {
        ArgumentNullException.ThrowIfNull(vertices, name);
        var seen = new bool[vertexCount];
        var list = new List<int>();
        foreach (var v in vertices)
        {
            if ((uint)v >= (uint)vertexCount)
                throw new ArgumentException($"Vertex {v} in {name} is out of range: {Graph.RangeText(vertexCount)}.", name);
            if (seen[v])
                throw new ArgumentException($"Vertex {v} appears more than once in {name}; expected a set of distinct vertices.", name);
            seen[v] = true;
            list.Add(v);
        }
        list.Sort();
        return list.ToArray();
    }
}
