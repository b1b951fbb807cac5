namespace Lectures.Graphs;

/// <summary>An undirected edge {U, V} stored with U &lt; V.</summary>
/// <param name="U">The smaller endpoint.</param>
/// <param name="V">The larger endpoint.</param>
public readonly record struct Edge(int U, int V)
{
    /// <summary>The edge as "(U, V)".</summary>
    public override string ToString() => $"({U}, {V})";
}
