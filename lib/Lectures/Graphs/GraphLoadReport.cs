namespace Lectures.Graphs;

/// <summary>
/// What was dropped while building a simple undirected graph from raw edges: self-loops {v, v} and repeated
/// edges (an edge {u, v} given more than once, in either direction, counts every copy after the first).
/// </summary>
/// <param name="Source">Where the edges came from (a file name or a generator).</param>
/// <param name="InputEdges">Number of raw edge entries read.</param>
/// <param name="SelfLoopsDropped">Number of entries {v, v} dropped.</param>
/// <param name="DuplicateEdgesDropped">Number of entries dropped because the same undirected edge came earlier.</param>
public sealed record GraphLoadReport(string Source, int InputEdges, int SelfLoopsDropped, int DuplicateEdgesDropped)
{
    /// <summary>One line: source, entries read, self-loops and duplicates dropped.</summary>
    public override string ToString() =>
        $"{Source}: {InputEdges} edge entries, {SelfLoopsDropped} self-loops and {DuplicateEdgesDropped} duplicate edges dropped.";
}
