namespace Lectures.Tests.Core.Graphs;

using Lectures.Graphs;

public class GraphTests
{
    [Fact]
    public void FromEdgesDropsAndCountsSelfLoopsAndDuplicates()
    {
        var g = Graph.FromEdges(4, [(1, 0), (0, 1), (2, 2), (2, 1), (0, 1), (3, 0)]);
        Assert.Equal(3, g.EdgeCount);
        Assert.Equal([new Edge(0, 1), new Edge(0, 3), new Edge(1, 2)], g.Edges);
        Assert.Equal(new GraphLoadReport("edge list", 6, 1, 2), g.LoadReport);
        Assert.Equal([1, 3], g.Neighbors(0).ToArray());
        Assert.Equal([0, 2], g.Neighbors(1).ToArray());
        Assert.Equal([0, 2], g.IncidentEdges(1).ToArray());
        Assert.Equal(2, g.EdgeId(2, 1));
        Assert.Equal(-1, g.EdgeId(2, 3));
        Assert.Equal(2, g.Degree(0));
        Assert.Equal([0, 2, 4, 5, 6], g.RowOffsets.ToArray());
        Assert.Equal([1, 3, 0, 2, 1, 0], g.Adjacency.ToArray());
    }

    [Fact]
    public void RemoveEdgesReturnsANewGraphAndKeepsTheOldOne()
    {
        var c = GraphFamilies.Cycle(5);
        var g = c.RemoveEdges([new Edge(0, 1), new Edge(2, 3)]);
        Assert.Equal(3, g.EdgeCount);
        Assert.Equal(5, c.EdgeCount);
        Assert.Equal([new Edge(0, 4), new Edge(1, 2), new Edge(3, 4)], g.Edges);
        Assert.Equal([1, 1, 1, 1, 2], Enumerable.Range(0, 5).Select(g.Degree).ToArray());
        Assert.Equal(g.Edges, c.RemoveEdges([c.EdgeId(0, 1), c.EdgeId(3, 2)]).Edges);
        var e = Assert.Throws<ArgumentException>(() => c.RemoveEdges([new Edge(0, 2)]));
        Assert.Contains("(0, 2) is not in the graph", e.Message);
        Assert.Contains("Edge id 5 is out of range", Assert.Throws<ArgumentException>(() => c.RemoveEdges([5])).Message);
    }

    [Fact]
    public void BadVerticesAreNamed()
    {
        var g = GraphFamilies.Path(3);
        Assert.Equal("Vertex 3 is out of range: the graph has 3 vertices (0..2). (Parameter 'v')",
            Assert.Throws<ArgumentException>(() => g.Neighbors(3).Length).Message);
        Assert.Contains("Edge 1 (2, -1): vertex -1 is out of range: the graph has 3 vertices (0..2)",
            Assert.Throws<ArgumentException>(() => Graph.FromEdges(3, [(0, 1), (2, -1)])).Message);
    }

    [Fact]
    public void DeterministicFamiliesHaveTheirEdgeCountsAndDegrees()
    {
        Assert.Equal(4, GraphFamilies.Path(5).EdgeCount);
        Assert.All(GraphFamilies.Cycle(6).Vertices, v => Assert.Equal(2, GraphFamilies.Cycle(6).Degree(v)));
        var star = GraphFamilies.Star(5);
        Assert.Equal((4, 1), (star.Degree(0), star.Degree(3)));
        Assert.Equal(10, GraphFamilies.Complete(5).EdgeCount);
        var grid = GraphFamilies.Grid(3, 4);
        Assert.Equal(3 * 3 + 2 * 4, grid.EdgeCount);
        Assert.Equal((2, 3, 4), (grid.Degree(0), grid.Degree(1), grid.Degree(5)));
        var two = GraphFamilies.TwoCliques(3);
        Assert.Equal(7, two.EdgeCount);
        Assert.True(two.HasEdge(2, 3));
        Assert.False(two.HasEdge(1, 3));
    }

    [Fact]
    public void KarateClubHasZacharysDegrees()
    {
        var g = GraphFamilies.KarateClub();
        Assert.Equal((34, 78), (g.VertexCount, g.EdgeCount));
        Assert.Equal((16, 9, 10, 12, 17), (g.Degree(0), g.Degree(1), g.Degree(2), g.Degree(32), g.Degree(33)));
        Assert.Equal(156, g.Vertices.Sum(g.Degree));
    }

    [Fact]
    public void BarabasiAlbertHasTheExactEdgeCountAndIsSeeded()
    {
        var g = GraphFamilies.BarabasiAlbert(1000, 3, seed: 7);
        Assert.Equal(3 * 4 / 2 + 3 * (1000 - 4), g.EdgeCount);
        Assert.Equal(0, g.LoadReport.DuplicateEdgesDropped);
        Assert.True(g.Vertices.All(v => g.Degree(v) >= 3));
        Assert.Equal(g.Edges, GraphFamilies.BarabasiAlbert(1000, 3, seed: 7).Edges);
        Assert.NotEqual(g.Edges, GraphFamilies.BarabasiAlbert(1000, 3, seed: 8).Edges);
        // Preferential attachment: the oldest vertices are hubs, far above the mean degree 6.
        Assert.True(g.MaxDegree > 30, $"max degree {g.MaxDegree}");
    }

    [Fact]
    public void ErdosRenyiMatchesItsExpectedEdgeCount()
    {
        // G(400, 0.05): mean 3990 edges, std sqrt(79800 * 0.05 * 0.95) = 61.6; allow 4 std.
        var g = GraphFamilies.ErdosRenyi(400, 0.05, seed: 1);
        Assert.InRange(g.EdgeCount, 3990 - 247, 3990 + 247);
        Assert.Equal(g.Edges, GraphFamilies.ErdosRenyi(400, 0.05, seed: 1).Edges);
        Assert.Equal(300, GraphFamilies.ErdosRenyiWithEdges(50, 300, seed: 2).EdgeCount);
        Assert.Equal(45, GraphFamilies.ErdosRenyi(10, 1.0, seed: 3).EdgeCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => GraphFamilies.ErdosRenyi(10, 1.5, seed: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => GraphFamilies.ErdosRenyiWithEdges(10, 46, seed: 3));
    }

    [Fact]
    public void CitationLikeFallbackHasCorasShape()
    {
        var g = GraphFamilies.CitationLike(seed: 0);
        Assert.Equal(2708, g.VertexCount);
        Assert.Equal(7, g.ClassCount);
        Assert.Equal(1433, g.Features!.ColumnCount);
        Assert.All(g.Vertices, v => Assert.Equal(18, g.Features.RowColumns(v).Length));
        // 5278 expected edges, std about sqrt(5278) = 73.
        Assert.InRange(g.EdgeCount, 5278 - 300, 5278 + 300);
        var inside = g.Edges.Count(e => g.Labels![e.U] == g.Labels[e.V]);
        Assert.InRange(inside / (double)g.EdgeCount, 0.76, 0.84);
    }

    [Fact]
    public void StochasticBlockModelWithCertainEdgesIsTwoCliques()
    {
        var g = GraphFamilies.StochasticBlockModel([3, 4], pIn: 1, pOut: 0, seed: 5);
        Assert.Equal(3 + 6, g.EdgeCount);
        Assert.Equal([0, 0, 0, 1, 1, 1, 1], g.Labels);
        Assert.Contains("words per vertex", Assert.Throws<ArgumentException>(
            () => GraphFamilies.StochasticBlockModel([3, 4], 0.5, 0.1, seed: 5, featureCount: 10, wordsPerVertex: 6)).Message);
    }
}
