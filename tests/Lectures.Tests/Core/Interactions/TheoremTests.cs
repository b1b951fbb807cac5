using Xunit.Abstractions;

namespace Lectures.Tests.Core.Interactions;

using Lectures.Graphs;
using Lectures.Interactions;
using Lectures.Walks;

/// <summary>The sharp facts of lecture 03 ("Sharp facts"), checked with the exact method on small graphs.</summary>
public class TheoremTests(ITestOutputHelper output)
{
    private const int Width = 2;

    private static readonly Graph[] SmallGraphs =
    [
        GraphFamilies.Path(5), GraphFamilies.Cycle(5), GraphFamilies.Star(5), GraphFamilies.Grid(2, 3), GraphFamilies.TwoCliques(3), GraphFamilies.ErdosRenyi(6, 0.5, seed: 2),
        GraphFamilies.Path(8),
    ];

    // Ten seeded random partitions per graph with 1 <= |I| <= n - 1 (70 in all).
    private static IEnumerable<(Graph Graph, int[] I)> Partitions()
    {
        var rng = new Random(11);
        foreach (var g in SmallGraphs)
            for (var k = 0; k < 10; k++)
            {
                int[] I;
                do I = g.Vertices.Where(_ => rng.Next(2) == 0).ToArray();
                while (I.Length == 0 || I.Length == g.VertexCount);
                yield return (g, I);
            }
    }

    private static int ExactRank(FeatureFunction f, int[] I, int points) =>
        SeparationRank.Exact(f, I, new EvaluationPoints(P: points, Q: points, Seed: 5)).Rank;

    [Fact]
    public void ZeroVertexWalkIndexGivesSepOne()
    {
        var checkedCases = 0;
        var interacting = 0;
        foreach (var depth in new[] { 2, 3 })
        {
            var gnn = ProductGnn.RandomInteger(depth, Width, Width, seed: 1);
            foreach (var (g, I) in Partitions())
            {
                var wi = WalkIndex.ForVertexPrediction(g, I, depth);
                foreach (var t in g.Vertices)
                {
                    var rank = ExactRank(gnn.VertexPrediction(g, t), I, points: 6);
                    if (wi[t] == 0)
                    {
                        Assert.True(rank == 1, $"{g}, I = {{{string.Join(",", I)}}}, t = {t}, L = {depth}: WI = 0 but rank {rank}");
                        checkedCases++;
                    }
                    else if (rank > 1) interacting++;
                }
            }
        }
        output.WriteLine($"{checkedCases} (partition, t) cases with WI = 0; {interacting} cases with WI > 0 and rank > 1");
        Assert.True(checkedCases >= 50, $"only {checkedCases} cases with WI = 0");
        Assert.True(interacting >= 50, "the check must be able to fail: most WI > 0 cases should show rank > 1");
    }

    [Fact]
    public void DepthOneGraphPredictionHasSepAtMostDh()
    {
        var gnn = ProductGnn.RandomInteger(depth: 1, Width, Width, seed: 2);
        var ranks = Partitions().Select(p => ExactRank(gnn.GraphPrediction(p.Graph), p.I, points: 8)).ToList();
        Assert.Equal(70, ranks.Count);
        Assert.All(ranks, r => Assert.InRange(r, 1, Width));
        // The bound is attained: depth 1 still interacts, just not more with a larger walk index.
        Assert.Contains(Width, ranks);
    }

    [Fact]
    public void DepthTwoVertexPredictionHasSepAtMostDhToTheWalkIndex()
    {
        var gnn = ProductGnn.RandomInteger(depth: 2, Width, Width, seed: 3);
        var tested = 0;
        foreach (var (g, I) in Partitions())
        {
            var wi = WalkIndex.ForVertexPrediction(g, I, depth: 2);
            foreach (var t in g.Vertices)
            {
                var bound = 1L << (int)wi[t];
                // One more point than the bound on each side, so a violation could show (up to 40 points).
                var points = (int)Math.Min(bound + 1, 40);
                var rank = ExactRank(gnn.VertexPrediction(g, t), I, points);
                Assert.True(rank <= bound, $"{g}, I = {{{string.Join(",", I)}}}, t = {t}: rank {rank} > D_h^{wi[t]} = {bound}");
                if (bound < 40) tested++;
            }
        }
        output.WriteLine($"{tested} non-vacuous checks");
        Assert.True(tested >= 50);
    }

    // Lecture 03's survey: vertex prediction on every partition and target of its four graphs, D_h = 2, seed 7.
    private static List<InteractionRow> LectureVertexRows(ProductGnn gnn) =>
        new[] { GraphFamilies.Path(5), GraphFamilies.Cycle(5), GraphFamilies.Grid(2, 3), GraphFamilies.TwoCliques(3) }
            .SelectMany(h => h.Vertices.SelectMany(t => InteractionTable.ForVertexPrediction(h, gnn,
                Lectures.Walks.Partitions.All(h), t, new EvaluationPoints(40, 40, Seed: 1)).Rows)).ToList();

    [Fact]
    public void LectureGraphsReachTheDepthTwoBoundUpToWalkIndexThree()
    {
        var gnn = ProductGnn.RandomInteger(depth: 2, inputWidth: 2, hiddenWidth: 2, seed: 7);
        var rows = LectureVertexRows(gnn);
        var maxima = TheoremBounds.MaximaByWalkIndex(rows, 2, wi => wi);
        output.WriteLine(string.Join("; ", maxima));
        // The largest sep at WI = 0, 1, 2, 3 is D_h^WI = 1, 2, 4, 8: the bound is reached, not just obeyed.
        Assert.Equal([1, 2, 4, 8], maxima.Take(4).Select(m => m.LargestSep));
        Assert.Equal([0L, 1, 2, 3], maxima.Take(4).Select(m => m.WalkIndex));
        // At WI = 4 the maximum is 14 < 16: below the bound.
        Assert.Equal((4L, 14), (maxima[4].WalkIndex, maxima[4].LargestSep));

        var sharp = TheoremBounds.VertexPredictionDepth2(rows, gnn.HiddenWidth);
        Assert.True(sharp.Holds, sharp.ToString());
        Assert.Equal(rows.Count, sharp.Checkable);
        // The loose form D_h^(1 + WI) is never reached; the bound one factor too tight (WI - 1) fails.
        Assert.Equal(0, TheoremBounds.Against(rows, 2, wi => 1 + wi, "loose").Reached);
        var tooTight = TheoremBounds.Against(rows, 2, wi => wi - 1, "sep <= D_h^(WI - 1)");
        Assert.False(tooTight.Holds);
        Assert.Equal(rows.Count(r => r.MeasuredSep > Math.Pow(2, r.WalkIndex - 1)), tooTight.Violations);
        Assert.True(tooTight.Violations > 100, tooTight.ToString());

        var zero = TheoremBounds.ZeroWalkIndex(rows, 2);
        Assert.True(zero.Holds && zero.Rows == rows.Count(r => r.WalkIndex == 0), zero.ToString());
    }

    [Fact]
    public void BoundChecksCountOnlyRowsTheMatrixCouldShowAboveTheBound()
    {
        // Depth 1, graph prediction on the two triangles: sep <= D_h = 2 holds; with 2 x 2 matrices no row is
        // checkable (a 2 x 2 matrix cannot show a rank above 2), so the check does not count as holding.
        var g = GraphFamilies.TwoCliques(3);
        var gnn = ProductGnn.RandomInteger(depth: 1, inputWidth: 2, hiddenWidth: 2, seed: 7);
        var partitions = Lectures.Walks.Partitions.All(g).ToList();
        var small = InteractionTable.ForGraphPrediction(g, gnn, partitions, new EvaluationPoints(2, 2, Seed: 1)).Rows;
        var vacuous = TheoremBounds.GraphPredictionDepth1(small, 2);
        Assert.Equal((0, 0), (vacuous.Violations, vacuous.Checkable));
        Assert.False(vacuous.Holds);
        var rows = InteractionTable.ForGraphPrediction(g, gnn, partitions, new EvaluationPoints(8, 8, Seed: 1)).Rows;
        var check = TheoremBounds.GraphPredictionDepth1(rows, 2);
        Assert.True(check.Holds, check.ToString());
        Assert.Equal(rows.Count, check.Checkable);
        Assert.Equal(rows.Count(r => r.MeasuredSep == 2), check.Reached);
        Assert.False(TheoremBounds.Against(rows, 2, _ => 0, "sep <= 1").Holds);
        Assert.Throws<ArgumentOutOfRangeException>(() => TheoremBounds.General(rows, 0));
    }

    [Fact]
    public void TwoCliquesHighWalkIndexPartitionHasTheLargerSep()
    {
        // Two 3-cliques joined by {2, 3}, depth 2, D_x = D_h = 2; a 200 x 200 exact evaluation matrix
        // (the high side's rank settles at 121 from P = Q = 160 on).
        var g = GraphFamilies.TwoCliques(3);
        var gnn = ProductGnn.RandomInteger(depth: 2, inputWidth: 2, hiddenWidth: 2, seed: 7);
        var f = gnn.GraphPrediction(g);
        int[] low = [0, 1, 2], high = [0, 1, 3];
        Assert.Equal(8L, WalkIndex.ForGraphPrediction(g, low, depth: 2));
        Assert.Equal(20L, WalkIndex.ForGraphPrediction(g, high, depth: 2));
        var points = new EvaluationPoints(P: 200, Q: 200, Seed: 1);
        var lowSep = SeparationRank.Exact(f, low, points);
        var highSep = SeparationRank.Exact(f, high, points);
        output.WriteLine($"low: {lowSep}; high: {highSep}");
        Assert.False(highSep.Saturated);
        Assert.True(highSep.Rank > lowSep.Rank, $"high-WI rank {highSep.Rank} should exceed low-WI rank {lowSep.Rank}");
        // Low side by hand: u_j = W2 h^(1,j) with h^(1,0) = h^(1,1) = A (I only), h^(1,4) = h^(1,5) = B (I^c only),
        // h^(1,2) = A ⊙ z_3, h^(1,3) = z_2 ⊙ B. Output component k is (W2 A)_k^6 (W2 B)_k^6 (W2 (A ⊙ z_3))_k^4
        // (W2 (z_2 ⊙ B))_k^4; each 4th power of a sep-2 factor has sep <= 5 (monomials of degree 4 in 2 terms), so
        // sep <= 2 * 5 * 5 = 50, attained by generic weights. (Earlier figures of 25-26 and 82 came from points in -3..3,
        // too few values for polynomials of this degree: see EvaluationPoints.)
        Assert.Equal(50, lowSep.Rank);
        Assert.Equal(121, highSep.Rank);
    }
}
