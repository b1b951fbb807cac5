namespace Lectures.Tests.Core.Sparsification;

using Lectures.Graphs;
using Lectures.Sparsification;

public class OneWalkIndexSparsifierTests
{
    [Fact]
    public void PathOfFourByHand()
    {
        // Keys (min, max degree): (0,1) -> (1,2), (1,2) -> (2,2), (2,3) -> (1,2). The middle goes first; then both
        // remaining edges have key (1,1) and the tie rule decides.
        var path = GraphFamilies.Path(4);
        Assert.Equal([new Edge(1, 2), new Edge(0, 1), new Edge(2, 3)], OneWalkIndexSparsifier.Order(path).Edges);
        Assert.Equal([new Edge(1, 2), new Edge(2, 3), new Edge(0, 1)], OneWalkIndexSparsifier.Order(path, TieRule.LargestEdge).Edges);
    }

    [Fact]
    public void StarWithATailByHand()
    {
        // Star 0-{1,2,3} plus 3-4: keys (1,3), (1,3), (2,3), (1,2). First (0,3); then (0,1), (0,2) have (1,2) and
        // (3,4) has (1,1): (0,1), then (0,2) [(1,1) vs (3,4)'s (1,1): smaller id], then (3,4).
        var graph = Graph.FromEdges(5, [(0, 1), (0, 2), (0, 3), (3, 4)]);
        Assert.Equal([new Edge(0, 3), new Edge(0, 1), new Edge(0, 2), new Edge(3, 4)], OneWalkIndexSparsifier.Order(graph).Edges);
    }

    [Fact]
    public void StalePopsStayWithinTheSumOfSquaredDegrees()
    {
        var graph = GraphFamilies.BarabasiAlbert(2000, 5, seed: 2);
        OneWalkIndexSparsifier.Order(graph, TieRule.SmallestEdge, null, out var stale);
        var bound = graph.Vertices.Sum(v => (long)graph.Degree(v) * (graph.Degree(v) - 1));
        Assert.InRange(stale, 0, bound);
    }

    [Fact]
    public void ProgressEndsAtOne()
    {
        var reports = new List<double>();
        OneWalkIndexSparsifier.Order(GraphFamilies.Grid(5, 5), progress: new SynchronousProgress<double>(reports.Add));
        Assert.Equal(1.0, reports[^1]);
        Assert.Equal(reports.Order(), reports);
    }
}
