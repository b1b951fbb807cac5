namespace Lectures.Graphs;

/// <summary>A graph together with one line saying what it is and where it came from (notebooks print it).</summary>
/// <param name="Graph">The graph.</param>
/// <param name="Description">E.g. "Cora from /work/shared/datasets/cora.npz" or why a fallback was used.</param>
public sealed record LoadedGraph(Graph Graph, string Description)
{
    /// <summary>The description.</summary>
    public override string ToString() => Description;
}
