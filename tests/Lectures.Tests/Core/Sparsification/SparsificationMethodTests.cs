using Lectures.Graphs;
using Lectures.Sparsification;

namespace Lectures.Tests.Core.Sparsification;

public class SparsificationMethodTests
{
    [Fact]
    public void ParseTakesEveryNameIgnoringCase()
    {
        Assert.All(Enum.GetValues<SparsificationMethod>(), m => Assert.Equal(m, SparsificationMethods.Parse(m.Name())));
        Assert.Equal(SparsificationMethod.OneWis, SparsificationMethods.Parse("1-wis"));
        Assert.Equal(SparsificationMethod.ThreeWis, SparsificationMethods.Parse("3-Wis"));
        Assert.Equal(SparsificationMethod.Ugs, SparsificationMethods.Parse("ugs"));
        Assert.Equal(SparsificationMethod.Spectral, SparsificationMethods.Parse("SPECTRAL", SparsificationMethods.WithoutTraining));
    }

    [Fact]
    public void AnUnknownNameListsTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => SparsificationMethods.Parse("4-wis"));
        Assert.Equal("Unknown method '4-wis'. Known: 1-wis, 2-wis, 3-wis, random, spectral, ugs. (Parameter 'name')", e.Message);
        e = Assert.Throws<ArgumentException>(() => SparsificationMethods.Parse("UGS", SparsificationMethods.WithoutTraining));
        Assert.Equal("Unknown method 'UGS'. Known: 1-wis, 2-wis, 3-wis, random, spectral. (Parameter 'name')", e.Message);
    }

    [Fact]
    public void OneWisOnAPathRemovesTheMiddleEdgeFirstThenTiesByTheRule()
    {
        // Path 0-1-2-3, edge ids 0 = (0,1), 1 = (1,2), 2 = (2,3). min(d_u, d_v) is 1, 2, 1: the middle edge goes first;
        // then all degrees are 1 and the tie rule picks (0,1) (smallest, the default) or (2,3) (largest).
        var path = GraphFamilies.Path(4);
        Assert.Equal([1, 0, 2], SparsificationMethods.Parse("1-wis").Order(path, seed: 0).EdgeIds);
        Assert.Equal([1, 2, 0], SparsificationMethod.OneWis.Order(path, seed: 0, TieRule.LargestEdge).EdgeIds);
    }

    [Fact]
    public void EachMethodGivesItsSparsifiersOrderWithItsDefaultTieRuleAndSeed()
    {
        var graph = GraphFamilies.KarateClub();
        Assert.Equal(OneWalkIndexSparsifier.Order(graph, TieRule.SmallestEdge).EdgeIds, SparsificationMethod.OneWis.Order(graph, 0).EdgeIds);
        Assert.Equal(WalkIndexSparsifier.Order(graph, 3, TieRule.LargestEdge).EdgeIds, SparsificationMethod.TwoWis.Order(graph, 0).EdgeIds);
        Assert.Equal(WalkIndexSparsifier.Order(graph, 4, TieRule.LargestEdge).EdgeIds, SparsificationMethod.ThreeWis.Order(graph, 0).EdgeIds);
        Assert.Equal(RandomSparsifier.Order(graph, seed: 3).EdgeIds, SparsificationMethod.Random.Order(graph, 3).EdgeIds);
        Assert.Equal(SpectralSparsifier.Order(graph, seed: 3).EdgeIds, SparsificationMethod.Spectral.Order(graph, 3).EdgeIds);
        Assert.Equal("3-WIS", SparsificationMethod.ThreeWis.Order(graph, 0, TieRule.SmallestEdge).Method);
        Assert.NotEqual(SparsificationMethod.Random.Order(graph, 3).EdgeIds, SparsificationMethod.Random.Order(graph, 4).EdgeIds);
    }

    [Fact]
    public void UgsAndATieRuleForASeededMethodAreRefusedWithTheReason()
    {
        var graph = GraphFamilies.KarateClub();
        Assert.Contains("UGS trains a GNN", Assert.Throws<ArgumentException>(() => SparsificationMethod.Ugs.Order(graph, 0)).Message);
        Assert.Contains("not to random", Assert.Throws<ArgumentException>(() => SparsificationMethod.Random.Order(graph, 0, TieRule.LargestEdge)).Message);
        Assert.Equal(["1-WIS", "2-WIS", "random", "spectral", "UGS"], SparsificationMethods.Compared.Select(m => m.Name()));
        Assert.Equal([false, false, false, true, true, true], Enum.GetValues<SparsificationMethod>().Select(m => m.IsSeeded()));
    }
}
