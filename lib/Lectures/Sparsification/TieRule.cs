namespace Lectures.Sparsification;

/// <summary>
/// Which of several exactly tied candidate edges a greedy sparsifier removes. Candidates are the undirected edges
/// (u, v), u &lt; v, in lexicographic order (the edge ids of the graph).
/// </summary>
public enum TieRule
{
    /// <summary>The smallest (u, v) wins: the reference 1-WIS rule.</summary>
    SmallestEdge,

    /// <summary>The largest (u, v), i.e. the later candidate, wins: the reference WIS rule.</summary>
    LargestEdge,
}
