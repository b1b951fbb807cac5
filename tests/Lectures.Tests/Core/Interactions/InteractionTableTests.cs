namespace Lectures.Tests.Core.Interactions;

using Lectures.Graphs;
using Lectures.Interactions;
using Lectures.Plotting;

public class InteractionTableTests
{
    private static readonly Graph TwoCliques = GraphFamilies.TwoCliques(3);
    private static readonly ProductGnn Gnn = ProductGnn.RandomInteger(depth: 2, inputWidth: 2, hiddenWidth: 2, seed: 7);
    private static readonly EvaluationPoints Points = new(P: 160, Q: 160, Seed: 1);

    [Fact]
    public void GraphPredictionRowsHoldBoundaryWalkIndexSepAndBound()
    {
        var table = InteractionTable.ForGraphPrediction(TwoCliques, Gnn, [[0, 1, 2], [0, 1, 3]], Points);
        var (low, high) = (table.Rows[0], table.Rows[1]);
        Assert.Equal((2, 8L, 50, 33L), (low.BoundarySize, low.WalkIndex, low.MeasuredSep, low.BoundExponent));
        // {0, 1, 3} against {2, 4, 5}: every vertex has a neighbour across (4 and 5 through 3), so C_I is all six.
        Assert.Equal((6, 20L, 121, 81L), (high.BoundarySize, high.WalkIndex, high.MeasuredSep, high.BoundExponent));
        Assert.Equal(Math.Log2(50), low.LogSep, 12);
        Assert.Null(low.Target);
        Assert.Equal("{0, 1, 3}", high.Partition);
        Assert.Contains("graph prediction", table.ToString());
        Assert.Contains("{0, 1, 2}", table.ToString());
    }

    [Fact]
    public void VertexPredictionRowsUseTheWalkIndexAtT()
    {
        var progress = new List<int>();
        var table = InteractionTable.ForVertexPrediction(TwoCliques, Gnn, [[0, 1, 2], [5]], t: 0,
            new EvaluationPoints(P: 20, Q: 20), new SynchronousProgress<int>(progress.Add));
        // {0, 1, 2}: C_I = {2, 3}, walks of length 1 to 0 start at 2 only. {5}: C_I = {3, 4, 5}, none is within one step of 0.
        Assert.Equal([1L, 0L], table.Rows.Select(r => r.WalkIndex));
        Assert.Equal(1, table.Rows[1].MeasuredSep);
        Assert.InRange(table.Rows[0].MeasuredSep, 2, 4);
        Assert.Equal([1, 2], progress);
        Assert.Equal("vertex prediction at t = 0", table.Prediction);
    }

    [Fact]
    public void LayoutsAreDeterministic()
    {
        var circle = GraphLayout.Circular(GraphFamilies.Cycle(4));
        Assert.Equal(0, circle[0].X, 12);
        Assert.Equal(1, circle[0].Y, 12);
        Assert.Equal(-1, circle[1].X, 12);
        var karate = GraphFamilies.KarateClub();
        var a = GraphLayout.Spring(karate, seed: 3);
        Assert.Equal(a, GraphLayout.Spring(karate, seed: 3));
        Assert.All(a, p => Assert.True(Math.Abs(p.X) <= 1 + 1e-12 && Math.Abs(p.Y) <= 1 + 1e-12));
        // Adjacent vertices end up closer on average than non-adjacent ones.
        double Distance(int u, int v) => Math.Sqrt(Math.Pow(a[u].X - a[v].X, 2) + Math.Pow(a[u].Y - a[v].Y, 2));
        var adjacent = karate.Edges.Average(e => Distance(e.U, e.V));
        var all = karate.Vertices.SelectMany(u => karate.Vertices.Where(v => v > u).Select(v => Distance(u, v))).Average();
        Assert.True(adjacent < 0.7 * all, $"mean edge length {adjacent} vs mean distance {all}");
    }
}
