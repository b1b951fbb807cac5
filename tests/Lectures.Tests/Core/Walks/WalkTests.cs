using System.Numerics;

namespace Lectures.Tests.Core.Walks;

using Lectures.Graphs;
using Lectures.Walks;

public class WalkTests
{
    [Fact]
    public void CompleteGraphWithSelfLoopsHasNToTheLWalksFromEachVertex()
    {
        // A = J (all ones), A^l = n^(l-1) J.
        var k5 = GraphFamilies.Complete(5);
        for (var l = 0; l <= 6; l++)
        {
            Assert.Equal((long)Math.Pow(5, l), WalkCounts.Total(k5, [3], l));
            if (l >= 1) Assert.All(WalkCounts.ToEachVertex(k5, [3], l), c => Assert.Equal((long)Math.Pow(5, l - 1), c));
        }
        Assert.Equal(2 * 5L * 5 * 5, WalkCounts.Total(k5, [0, 4], 3));
    }

    [Fact]
    public void CycleWalksAreThreeToTheL()
    {
        var c7 = GraphFamilies.Cycle(7);
        Assert.Equal(81L, WalkCounts.Total(c7, [0], 4));
        Assert.Equal(7 * 81L, WalkCounts.Total(c7, c7.Vertices, 4));
        // Walks of length 2 from 0 back to 0: stay-stay, left-right, right-left.
        Assert.Equal(3L, WalkCounts.Between(c7, [0], [0], 2));
    }

    [Fact]
    public void PathWalksFarFromTheEndsAreTrinomialCoefficients()
    {
        // Steps -1, 0, +1: the number of length-3 walks from 5 to 5 + k is the trinomial coefficient (1 3 6 7 6 3 1).
        var counts = WalkCounts.ToEachVertex(GraphFamilies.Path(11), [5], 3);
        Assert.Equal([0, 0, 1, 3, 6, 7, 6, 3, 1, 0, 0], counts);
        // From the end 0 of P_4, by hand: l = 1 reaches {0: 1, 1: 1}; l = 2 reaches {0: 2, 1: 2, 2: 1}.
        Assert.Equal([2, 2, 1, 0], WalkCounts.ToEachVertex(GraphFamilies.Path(4), [0], 2));
    }

    [Fact]
    public void GridInteriorWalksAreFiveToTheL()
    {
        var grid = GraphFamilies.Grid(7, 7);
        const int centre = 3 * 7 + 3;
        Assert.Equal(125L, WalkCounts.Total(grid, [centre], 3));
        // Back to the centre in 2 steps: stay twice, or go to one of 4 neighbours and return.
        Assert.Equal(5L, WalkCounts.Between(grid, [centre], [centre], 2));
        // Corner of a 2 x 2 grid: (A + I) has row sums 3, so 3^l.
        Assert.Equal(27L, WalkCounts.Total(GraphFamilies.Grid(2, 2), [0], 3));
    }

    [Fact]
    public void KarateBoundaryAndWalkIndexMatchHandCounts()
    {
        var g = GraphFamilies.KarateClub();
        // Member 1 (vertex 0) alone: the boundary is 0 and its 16 neighbours; walks of length 1 from it are
        // Σ (d_c + 1) = 85 + 17 = 102.
        Assert.Equal(17, Boundary.Of(g, [0]).Length);
        Assert.Equal(102L, WalkIndex.ForGraphPrediction(g, [0], depth: 2));
        Assert.Equal(17L, WalkIndex.ForGraphPrediction(g, [0], depth: 1));

        // The cluster {4, 5, 6, 10, 16}: 16 only touches 5 and 6, so C_I = {0, 4, 5, 6, 10}.
        int[] cluster = [4, 5, 6, 10, 16];
        Assert.Equal([0, 4, 5, 6, 10], Boundary.Of(g, cluster));
        Assert.Equal(17L + 4 + 5 + 5 + 4, WalkIndex.ForGraphPrediction(g, cluster, depth: 2));
        Assert.Equal(2L, WalkIndex.ForVertexPrediction(g, cluster, depth: 2, t: 16));
        Assert.Equal(5L, WalkIndex.ForVertexPrediction(g, cluster, depth: 2, t: 0));
        Assert.Equal(0L, WalkIndex.ForVertexPrediction(g, cluster, depth: 2, t: 33));
        // Depth 3 at t = 16: Σ over w in {16, 5, 6} of |C ∩ N[w]| = 2 + 4 + 4.
        Assert.Equal(10L, WalkIndex.ForVertexPrediction(g, cluster, depth: 3, t: 16));
        Assert.Equal(10L, WalkIndex.ForVertexPrediction(g, cluster, depth: 3)[16]);
    }

    [Fact]
    public void EmptyOrFullSideHasNoBoundaryAndWalkIndexZero()
    {
        var g = GraphFamilies.TwoCliques(3);
        Assert.Empty(Boundary.Of(g, []));
        Assert.Empty(Boundary.Of(g, g.Vertices));
        Assert.Equal(0L, WalkIndex.ForGraphPrediction(g, [], depth: 3));
        Assert.All(WalkIndex.ForVertexPrediction(g, g.Vertices, depth: 3), w => Assert.Equal(0L, w));
        // The two cliques as sides: the boundary is the bridge {2, 3}.
        Assert.Equal([2, 3], Boundary.Of(g, [0, 1, 2]));
        Assert.Equal(8L, WalkIndex.ForGraphPrediction(g, [0, 1, 2], depth: 2));
    }

    [Fact]
    public void BadPartitionsAreRejectedByName()
    {
        var g = GraphFamilies.KarateClub();
        Assert.Equal("Vertex 34 in I is out of range: the graph has 34 vertices (0..33). (Parameter 'I')",
            Assert.Throws<ArgumentException>(() => Boundary.Of(g, [0, 34])).Message);
        Assert.StartsWith("Vertex 3 appears more than once in I",
            Assert.Throws<ArgumentException>(() => WalkIndex.ForGraphPrediction(g, [3, 1, 3], 2)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => WalkIndex.ForGraphPrediction(g, [1], depth: 0));
        Assert.StartsWith("Vertex 40 is out of range",
            Assert.Throws<ArgumentException>(() => WalkIndex.ForVertexPrediction(g, [1], 2, t: 40)).Message);
    }

    [Fact]
    public void OverflowIsReportedWithTheLengthAndBigIntegersStayExact()
    {
        var k10 = GraphFamilies.Complete(10);
        // Each entry of A^19 1_{0} is 10^18 (fits); the total 10^19 does not.
        Assert.Equal(1_000_000_000_000_000_000L, WalkCounts.ToEachVertex(k10, [0], 19)[7]);
        Assert.Contains("l = 19", Assert.Throws<OverflowException>(() => WalkCounts.Total(k10, [0], 19)).Message);
        Assert.Contains("l = 20", Assert.Throws<OverflowException>(() => WalkCounts.ToEachVertex(k10, [0], 20)).Message);
        Assert.Equal(BigInteger.Pow(10, 25), WalkCounts.TotalExact(k10, [0], 25));
        Assert.Equal(BigInteger.Pow(10, 24), WalkCounts.ToEachVertexExact(k10, [0], 25)[9]);
    }
}
