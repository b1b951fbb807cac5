namespace Lectures.Tests.Core.Sparsification;

using Lectures.Graphs;
using Lectures.Sparsification;

public class WalkIndexSparsifierTests
{
    private static IEnumerable<Graph> SmallRandomGraphs() =>
        Enumerable.Range(0, 6).Select(seed => GraphFamilies.ErdosRenyi(9 + seed % 3, 0.35, seed)).Where(g => g.EdgeCount > 0);

    [Fact]
    public void ScoresAreClosedWalkCountsByHand()
    {
        // K4 with self-loops: A = J, (A^3)_tt = 16 = 1 + 3 d_t + 2 triangles_t = 1 + 9 + 6.
        Assert.All(WalkIndexSparsifier.VertexScores(GraphFamilies.Complete(4), 3), s => Assert.Equal(16, s));
        // L = 2: s_t = 1 + d_t, and 0 for an isolated vertex.
        Assert.Equal([2, 3, 2, 0], WalkIndexSparsifier.VertexScores(Graph.FromEdges(4, [(0, 1), (1, 2)]), 2));
        // L = 1: s_t = |C ∩ {t}| = 1 when t has a neighbour.
        Assert.Equal([1, 1, 1, 0], WalkIndexSparsifier.VertexScores(Graph.FromEdges(4, [(0, 1), (1, 2)]), 1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void ScoresEqualTheWalkIndexOfEachSingleton(int depth)
    {
        foreach (var graph in SmallRandomGraphs().Append(GraphFamilies.KarateClub()))
            Assert.Equal(BruteForceWis.Scores(graph, depth), WalkIndexSparsifier.VertexScores(graph, depth));
    }

    [Theory]
    [InlineData(1, TieRule.LargestEdge)]
    [InlineData(2, TieRule.SmallestEdge)]
    [InlineData(3, TieRule.LargestEdge)]
    [InlineData(3, TieRule.SmallestEdge)]
    [InlineData(4, TieRule.LargestEdge)]
    [InlineData(4, TieRule.SmallestEdge)]
    [InlineData(5, TieRule.LargestEdge)]
    public void ExactGreedyEqualsTheDefinition(int depth, TieRule rule)
    {
        // Triangles and 4-cycles are where a removal can make another candidate's change rank earlier.
        Graph[] structured = [GraphFamilies.Complete(5), GraphFamilies.TwoCliques(4), GraphFamilies.Grid(3, 3), GraphFamilies.BarabasiAlbert(11, 2, seed: 3),
            Graph.FromEdges(6, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 5), (5, 2), (0, 4)])];
        foreach (var graph in SmallRandomGraphs().Take(3).Concat(structured))
            Assert.Equal(BruteForceWis.Order(graph, depth, rule), WalkIndexSparsifier.Order(graph, depth, rule).Edges);
    }

    [Theory]
    [InlineData(TieRule.SmallestEdge)]
    [InlineData(TieRule.LargestEdge)]
    public void OneWisEqualsWisWithDepthTwoUnderTheSameTieRule(TieRule rule)
    {
        foreach (var seed in Enumerable.Range(0, 8))
        {
            var graph = seed % 2 == 0 ? GraphFamilies.ErdosRenyi(40, 0.12, seed) : GraphFamilies.BarabasiAlbert(40, 2, seed);
            Assert.Equal(WalkIndexSparsifier.Order(graph, 2, rule).EdgeIds, OneWalkIndexSparsifier.Order(graph, rule).EdgeIds);
        }
    }

    [Fact]
    public void EveryOneWisStepIsInTheBruteForceTieSet()
    {
        foreach (var graph in SmallRandomGraphs())
            foreach (var rule in new[] { TieRule.SmallestEdge, TieRule.LargestEdge })
            {
                var current = graph;
                foreach (var edge in OneWalkIndexSparsifier.Order(graph, rule).Edges)
                {
                    Assert.Contains(edge, BruteForceWis.TieSet(current, 2));
                    current = current.RemoveEdges([edge]);
                }
            }
    }

    [Fact]
    public void TheDefaultTieRulesAreTheReferences()
    {
        // A 4-cycle: every edge ties at every step until the last two; 1-WIS takes the smallest, WIS the largest.
        var c4 = GraphFamilies.Cycle(4);
        Assert.Equal(new Edge(0, 1), OneWalkIndexSparsifier.Order(c4).Edges[0]);
        Assert.Equal(new Edge(2, 3), WalkIndexSparsifier.Order(c4, 2).Edges[0]);
    }

    [Fact]
    public void ChunkedVariantRanksOnceAgainstTheCurrentScores()
    {
        var graph = GraphFamilies.ErdosRenyi(12, 0.3, seed: 4);
        // Fewer edges than one chunk: the order is the first ranking.
        Assert.True(graph.EdgeCount < WalkIndexSparsifier.ReferenceChunkSize);
        Assert.Equal(BruteForceWis.Ranking(graph, 3, TieRule.LargestEdge),
            WalkIndexSparsifier.Order(graph, 3, chunkSize: WalkIndexSparsifier.ReferenceChunkSize).Edges);
        // Chunks of one are the exact greedy.
        Assert.Equal(WalkIndexSparsifier.Order(graph, 3).EdgeIds, WalkIndexSparsifier.Order(graph, 3, chunkSize: 1).EdgeIds);
        Assert.Equal("2-WIS (chunks of 100)", WalkIndexSparsifier.Order(graph, 3, chunkSize: 100).Method);
    }

    [Fact]
    public void OrdersArePermutationsOfAllEdges()
    {
        var graph = GraphFamilies.KarateClub();
        foreach (var order in new[] { WalkIndexSparsifier.Order(graph, 3), WalkIndexSparsifier.Order(graph, 4, chunkSize: 10), OneWalkIndexSparsifier.Order(graph) })
            Assert.Equal(Enumerable.Range(0, graph.EdgeCount), order.EdgeIds.Order());
    }

    [Fact]
    public void BadInputIsRejectedWithItsValue()
    {
        var graph = GraphFamilies.Path(4);
        Assert.Contains("must be >= 1", Assert.Throws<ArgumentOutOfRangeException>(() => WalkIndexSparsifier.Order(graph, 0)).Message);
        Assert.Contains("got 0", Assert.Throws<ArgumentOutOfRangeException>(() => WalkIndexSparsifier.VertexScores(graph, 0)).Message);
        Assert.Contains("got -5", Assert.Throws<ArgumentOutOfRangeException>(() => WalkIndexSparsifier.Order(graph, 3, chunkSize: -5)).Message);
        Assert.Contains("no edges", Assert.Throws<ArgumentException>(() => WalkIndexSparsifier.Order(Graph.FromEdges(3, []), 3)).Message);
    }
}
