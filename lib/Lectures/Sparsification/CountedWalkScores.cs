namespace Lectures.Sparsification;

/// <summary>
/// WIS scores for any depth L, each counted locally by <see cref="ClosedWalkCounter"/>. A closed walk of length L
/// through two distinct edges e and f needs L >= 3 and passes within distance floor((L-2)/2) of both endpoints of
/// e (it goes out from e to f and back), so the improvable candidates after removing e are the edges at the
/// vertices within that distance of e's endpoints (none for L &lt;= 2).
/// </summary>
internal sealed class CountedWalkScores : WalkScores
{
    private readonly ClosedWalkCounter counter;
    private readonly List<int> affected = [];
    private readonly List<int> near = [];

    public CountedWalkScores(DynamicGraph graph, int depth) : base(graph, depth) => counter = new ClosedWalkCounter(graph, depth);

    public override void Change(int edge, ScoreChange change)
    {
        counter.Affected(edge, affected);
        foreach (var t in affected) change.Add(Scores[t], counter.Score(t, edge));
    }

    public override void Remove(int edge, List<int> improvable)
    {
        var (u, v) = Graph.Edges[edge];
        if (Depth >= 3)
        {
            counter.Within([u, v], (Depth - 2) / 2, near);
            foreach (var x in near)
                foreach (var f in Graph.IncidentEdges(x))
                    if (f != edge) improvable.Add(f);
        }
        counter.Affected(edge, affected);
        var after = affected.Select(t => counter.Score(t, edge)).ToArray();
        Graph.Remove(edge);
        for (var k = 0; k < after.Length; k++) Scores[affected[k]] = after[k];
    }
}
