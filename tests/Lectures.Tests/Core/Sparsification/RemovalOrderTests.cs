namespace Lectures.Tests.Core.Sparsification;

using Lectures.Graphs;
using Lectures.Sparsification;

public class RemovalOrderTests
{
    [Fact]
    public void ApplyRemovesTheRoundedPrefixAndGraphsAreNested()
    {
        var graph = GraphFamilies.Cycle(10);
        var order = RandomSparsifier.Order(graph, seed: 3);
        Assert.Equal(0, order.RemovedCount(0));
        Assert.Equal(3, order.RemovedCount(25)); // 2.5 rounds up
        Assert.Equal(10, order.RemovedCount(100));
        var previous = graph;
        foreach (var p in new[] { 10.0, 30, 50, 90, 100 })
        {
            var sparse = order.Apply(p);
            Assert.Equal(10 - order.RemovedCount(p), sparse.EdgeCount);
            Assert.All(sparse.Edges, e => Assert.True(previous.HasEdge(e.U, e.V)));
            Assert.All(order.Removed(p), id => Assert.False(sparse.HasEdge(graph.Edges[id].U, graph.Edges[id].V)));
            previous = sparse;
        }
        var mask = order.KeptMask(30);
        Assert.Equal(7, mask.Count(k => k));
        Assert.All(order.Removed(30), id => Assert.False(mask[id]));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void PercentOutsideZeroToHundredIsRejected(double percent)
    {
        var order = RandomSparsifier.Order(GraphFamilies.Path(5), seed: 0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => order.Apply(percent));
        Assert.Contains("[0, 100]", e.Message);
    }

    [Fact]
    public void AnOrderMustBeAPermutationOfTheEdges()
    {
        var graph = GraphFamilies.Path(4);
        Assert.Contains("appears twice", Assert.Throws<ArgumentException>(() => new RemovalOrder("x", graph, [0, 0, 1])).Message);
        Assert.Contains("out of range", Assert.Throws<ArgumentException>(() => new RemovalOrder("x", graph, [0, 1, 3])).Message);
        Assert.Contains("every edge once", Assert.Throws<ArgumentException>(() => new RemovalOrder("x", graph, [0, 1])).Message);
    }

    [Fact]
    public void RandomOrdersAreSeededPermutations()
    {
        var graph = GraphFamilies.ErdosRenyi(40, 0.2, seed: 1);
        var a = RandomSparsifier.Order(graph, seed: 7);
        Assert.Equal(Enumerable.Range(0, graph.EdgeCount), a.EdgeIds.Order());
        Assert.Equal(a.EdgeIds, RandomSparsifier.Order(graph, seed: 7).EdgeIds);
        Assert.NotEqual(a.EdgeIds, RandomSparsifier.Order(graph, seed: 8).EdgeIds);
    }

    [Fact]
    public void AGraphWithoutEdgesIsRejected()
    {
        var empty = Graph.FromEdges(5, []);
        Assert.Contains("no edges", Assert.Throws<ArgumentException>(() => RandomSparsifier.Order(empty, 0)).Message);
        Assert.Contains("no edges", Assert.Throws<ArgumentException>(() => OneWalkIndexSparsifier.Order(empty)).Message);
    }
}
