using Lectures.Graphs;

namespace Lectures.Sparsification;

/// <summary>
/// The WIS scores s_t = (A^L)_{tt} (A = adjacency + identity; 0 for an isolated t) of a graph that loses edges,
/// with the score change of removing any one remaining candidate edge. What the lazy greedy of
/// <see cref="WalkIndexSparsifier"/> relies on: when an edge e is removed, the change of every other candidate f
/// either stays or gets worse (ranks later), except for candidates that share a closed walk of length L with e,
/// which <see cref="Remove"/> lists. Why: f's change is the sum over t of (s_t → s_t without f). After e goes, both
/// values can only drop (closed walks only disappear); if the new value drops the pair ranks later (its smallest
/// entry, +1 at the new value, moves down), and it can rank earlier only when the new value stays while the old one
/// drops, or when the pair vanishes, i.e. when every closed walk at t through e also uses f, or every one through
/// f also uses e: a closed walk of length L through both e and f.
/// </summary>
internal abstract class WalkScores
{
    protected WalkScores(DynamicGraph graph, int depth)
    {
        Graph = graph;
        Depth = depth;
        var counter = new ClosedWalkCounter(graph, depth);
        Scores = new long[graph.VertexCount];
        for (var t = 0; t < Scores.Length; t++) Scores[t] = counter.Score(t);
    }

    /// <summary>The current graph.</summary>
    public DynamicGraph Graph { get; }

    /// <summary>The GNN depth L.</summary>
    public int Depth { get; }

    /// <summary>s_t in the current graph.</summary>
    protected long[] Scores { get; }

    /// <summary>
    /// The model for depth L: closed forms for L = 3 (triangles) and L = 4 (two-step walk counts), local closed-walk
    /// counting for every other depth.
    /// </summary>
    public static WalkScores For(Graph graph, int depth)
    {
        var dynamic = new DynamicGraph(graph);
        return depth switch
        {
            3 => new TriangleWalkScores(dynamic),
            4 => new TwoStepWalkScores(dynamic),
            _ => new CountedWalkScores(dynamic, depth),
        };
    }

    /// <summary>Collects (s_t, s_t without <paramref name="edge"/>) for every vertex t whose score the removal changes.</summary>
    public abstract void Change(int edge, ScoreChange change);

    /// <summary>
    /// Removes <paramref name="edge"/> and updates the scores. Adds to <paramref name="improvable"/> every remaining
    /// candidate whose change can rank earlier than before (possibly with repeats); every other change stays or
    /// ranks later.
    /// </summary>
    public abstract void Remove(int edge, List<int> improvable);
}
