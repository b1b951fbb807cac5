namespace Lectures.Tests.Core.Sparsification;

using Lectures.Graphs;
using Lectures.Sparsification;
using MathNet.Numerics.Statistics;

public class SpectralSparsifierTests
{
    [Fact]
    public void ClosedFormsOnPathCycleAndCompleteGraph()
    {
        Assert.All(EffectiveResistance.Exact(GraphFamilies.Path(7)), r => Assert.Equal(1.0, r, 12));
        Assert.All(EffectiveResistance.Exact(GraphFamilies.Cycle(9)), r => Assert.Equal(8.0 / 9, r, 12));
        Assert.All(EffectiveResistance.Exact(GraphFamilies.Complete(6)), r => Assert.Equal(2.0 / 6, r, 12));
    }

    [Fact]
    public void ComponentsAreSolvedSeparatelyAndFosterHolds()
    {
        // A triangle, a path of 3 and an isolated vertex: R = 2/3 on the triangle, 1 on the path;
        // Foster: Σ R_e = n - components = 7 - 3.
        var graph = Graph.FromEdges(7, [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5)]);
        var r = EffectiveResistance.Exact(graph);
        double[] expected = [2.0 / 3, 2.0 / 3, 2.0 / 3, 1, 1];
        Assert.All(expected.Zip(r), p => Assert.Equal(p.First, p.Second, 12));
        var karate = GraphFamilies.KarateClub();
        Assert.Equal(karate.VertexCount - 1, EffectiveResistance.Exact(karate).Sum(), 9);
    }

    [Fact]
    public void ApproximateResistancesMatchTheClosedFormsWithinTheProjectionError()
    {
        // A path: every R_e = 1 and B L^+ (e_u - e_v) is a unit vector, so Rademacher projections are exact.
        Assert.All(EffectiveResistance.Approximate(GraphFamilies.Path(50), projections: 16, seed: 1), r => Assert.Equal(1.0, r, 6));
        var cycle = EffectiveResistance.Approximate(GraphFamilies.Cycle(40), projections: 400, seed: 2);
        Assert.InRange(cycle.Average(), 0.975 * 0.93, 0.975 * 1.07);
    }

    [Fact]
    public void ApproximateResistancesOnCitationGraphAreWithinTenPercentAndRankAlike()
    {
        var graph = Datasets.CoraOrFallback().Graph;
        var exact = EffectiveResistance.Exact(graph);
        var approximate = EffectiveResistance.Approximate(graph, seed: 5);
        var relative = exact.Zip(approximate, (e, a) => Math.Abs(a - e) / e).ToArray();
        Assert.True(relative.Median() <= 0.10, $"median relative error {relative.Median():F3}");
        Assert.True(Correlation.Spearman(exact, approximate) >= 0.95, $"Spearman {Correlation.Spearman(exact, approximate):F3}");
    }

    [Fact]
    public void LowResistanceEdgesTendToGoFirstAndBridgesLast()
    {
        // Two 6-cliques joined by a bridge (R = 1, all others about 1/3): the bridge is sampled first with
        // probability proportional to its weight, so it is removed last in most seeds.
        var graph = GraphFamilies.TwoCliques(6);
        var bridge = graph.EdgeId(5, 6);
        var last = Enumerable.Range(0, 40).Count(seed => SpectralSparsifier.Order(graph, seed).EdgeIds[^1] == bridge);
        // P(first sampled) = 1 / (1 + 30 * (1/3)) = 1/11 for uniform-ish cliques: far below 1/2 but well above 1/31.
        var r = EffectiveResistance.Exact(graph);
        var expected = 40 * r[bridge] / r.Sum();
        Assert.InRange(last, 0.3 * expected, 3 * expected);
    }

    [Fact]
    public void OrdersAreSeededPermutations()
    {
        var graph = GraphFamilies.KarateClub();
        var a = SpectralSparsifier.Order(graph, seed: 3);
        Assert.Equal(Enumerable.Range(0, graph.EdgeCount), a.EdgeIds.Order());
        Assert.Equal(a.EdgeIds, SpectralSparsifier.Order(graph, seed: 3).EdgeIds);
        Assert.NotEqual(a.EdgeIds, SpectralSparsifier.Order(graph, seed: 4).EdgeIds);
        Assert.Equal("spectral (exact R_e, seed 3)", a.Method);
    }

    [Fact]
    public void BadInputIsRejected()
    {
        var graph = GraphFamilies.Path(3);
        Assert.Contains("expected one per edge", Assert.Throws<ArgumentException>(() => SpectralSparsifier.Order(graph, [1.0], 0)).Message);
        Assert.Contains("resistance 0", Assert.Throws<ArgumentException>(() => SpectralSparsifier.Order(graph, [1.0, 0.0], 0)).Message);
        Assert.Contains("got 0", Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveResistance.Approximate(graph, projections: 0)).Message);
        Assert.Contains("no edges", Assert.Throws<ArgumentException>(() => SpectralSparsifier.Order(Graph.FromEdges(2, []), 0)).Message);
    }
}
