namespace Lectures.Sparsification;

/// <summary>
/// WIS scores for depth L = 3 in closed form: s_t = (A^3)_{tt} = 1 + 3 d_t + 2 T_t (T_t = triangles at t) when
/// d_t >= 1. With c_e = the number of triangles on edge e = {a, b} (common neighbours of a and b), removing e takes
/// s_a and s_b down by 3 + 2 c_e (to 0 when the endpoint is left isolated) and s_w down by 2 for every common
/// neighbour w. The only closed walks of length 3 through two distinct edges are triangles, so after removing e
/// the improvable candidates are the other two edges of each triangle on e, whose c drops by one.
/// Cost per change or removal: O(1) when c_e = 0, else O(d_a + d_b) to list the common neighbours.
/// </summary>
internal sealed class TriangleWalkScores : WalkScores
{
    private readonly int[] triangles;
    private readonly int[] mark;
    private readonly int[] markEdge;
    private int stamp;

    public TriangleWalkScores(DynamicGraph graph) : base(graph, 3)
    {
        var n = graph.VertexCount;
        mark = new int[n];
        markEdge = new int[n];
        triangles = new int[graph.Edges.Count];
        for (var a = 0; a < n; a++)
        {
            Mark(a);
            var ids = graph.IncidentEdges(a);
            var nbrs = graph.Neighbors(a);
            for (var k = 0; k < nbrs.Length; k++)
            {
                var b = nbrs[k];
                if (b < a) continue;
                var others = graph.Neighbors(b);
                var otherIds = graph.IncidentEdges(b);
                for (var j = 0; j < others.Length; j++)
                {
                    var w = others[j];
                    if (w <= b || mark[w] != stamp) continue;
                    triangles[ids[k]]++;
                    triangles[otherIds[j]]++;
                    triangles[markEdge[w]]++;
                }
            }
        }
    }

    public override void Change(int edge, ScoreChange change)
    {
        var (a, b) = Graph.Edges[edge];
        var drop = 3 + 2L * triangles[edge];
        change.Add(Scores[a], Graph.Degree(a) == 1 ? 0 : Scores[a] - drop);
        change.Add(Scores[b], Graph.Degree(b) == 1 ? 0 : Scores[b] - drop);
        if (triangles[edge] == 0) return;
        Mark(a);
        foreach (var w in Graph.Neighbors(b))
            if (mark[w] == stamp) change.Add(Scores[w], Scores[w] - 2);
    }

    public override void Remove(int edge, List<int> improvable)
    {
        var (u, v) = Graph.Edges[edge];
        var drop = 3 + 2L * triangles[edge];
        Scores[u] = Graph.Degree(u) == 1 ? 0 : Scores[u] - drop;
        Scores[v] = Graph.Degree(v) == 1 ? 0 : Scores[v] - drop;
        if (triangles[edge] > 0)
        {
            Mark(u);
            var nbrs = Graph.Neighbors(v);
            var ids = Graph.IncidentEdges(v);
            for (var k = 0; k < nbrs.Length; k++)
            {
                var w = nbrs[k];
                if (mark[w] != stamp) continue;
                Scores[w] -= 2;
                triangles[ids[k]]--;
                triangles[markEdge[w]]--;
                improvable.Add(ids[k]);
                improvable.Add(markEdge[w]);
            }
        }
        Graph.Remove(edge);
    }

    /// <summary>Marks the neighbours of <paramref name="a"/> with a fresh stamp, remembering the edge to each.</summary>
    private void Mark(int a)
    {
        stamp++;
        var nbrs = Graph.Neighbors(a);
        var ids = Graph.IncidentEdges(a);
        for (var k = 0; k < nbrs.Length; k++)
        {
            mark[nbrs[k]] = stamp;
            markEdge[nbrs[k]] = ids[k];
        }
    }
}
