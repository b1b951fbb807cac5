namespace Lectures.Tests.Core.Sparsification;

using System.Text.Json;
using Lectures.Graphs;
using Lectures.Plotting;
using Lectures.Sparsification;
using Plotly.NET;

public class SparsificationChartsTests
{
    private static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toJson(chart)).RootElement;

    private static double[] Numbers(JsonElement array) =>
        array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN).ToArray();

    [Fact]
    public void MinimumWalkIndexFollowsThePathByHand()
    {
        // P_4, L = 2: s = (2, 3, 3, 2), min 2. 1-WIS removes (1, 2) then (0, 1): at 50% (2 edges) only (2, 3) is left,
        // s = (0, 0, 2, 2), min 0; at 100% min 0.
        var order = OneWalkIndexSparsifier.Order(GraphFamilies.Path(4));
        var figure = Figure(SparsificationCharts.MinimumWalkIndexVsEdgesKept([order, RandomSparsifier.Order(GraphFamilies.Path(4), 1)], depth: 2, stepPercent: 50));
        var trace = figure.GetProperty("data")[0];
        Assert.Equal([100.0, 50, 0], Numbers(trace.GetProperty("x")));
        Assert.Equal([2.0, 0, 0], Numbers(trace.GetProperty("y")));
        Assert.Equal("1-WIS", trace.GetProperty("name").GetString());
        Assert.Equal(2, figure.GetProperty("data").GetArrayLength());
        Assert.Contains("Smallest walk index", figure.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void IsolatedVerticesCountsVerticesWithoutEdgesAtEachLevel()
    {
        // Star S_4 (centre 0, leaves 1..3): removing its 3 edges one by one isolates one leaf, then two, then all 4 vertices.
        var star = GraphFamilies.Star(4);
        var order = RandomSparsifier.Order(star, seed: 1);
        var figure = Figure(SparsificationCharts.IsolatedVerticesVsEdgesKept([order], stepPercent: 100.0 / 3));
        var trace = figure.GetProperty("data")[0];
        Assert.Equal([0.0, 1, 2, 4], Numbers(trace.GetProperty("y")));
        Assert.Equal(100.0, Numbers(trace.GetProperty("x"))[0]);
        Assert.Contains("isolated vertices", figure.GetProperty("layout").GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void RemovedEdgesDrawsTheFirstKInTheirOwnSeries()
    {
        var graph = GraphFamilies.KarateClub();
        var order = OneWalkIndexSparsifier.Order(graph);
        var data = Figure(SparsificationCharts.RemovedEdges(order, 5)).GetProperty("data");
        // Each edge is two points and a gap.
        Assert.Equal(3 * (graph.EdgeCount - 5), data[0].GetProperty("x").GetArrayLength());
        var removed = Numbers(data[1].GetProperty("x"));
        Assert.Equal(15, removed.Length);
        Assert.Equal("first 5 removed edges", data[1].GetProperty("name").GetString());
        Assert.Equal(34, data[2].GetProperty("x").GetArrayLength());
        Assert.Throws<ArgumentOutOfRangeException>(() => SparsificationCharts.RemovedEdges(order, graph.EdgeCount + 1));
    }

    [Fact]
    public void WalkIndexDistributionHasBothScoreVectors()
    {
        var graph = GraphFamilies.Grid(3, 3);
        var order = RandomSparsifier.Order(graph, 2);
        var data = Figure(SparsificationCharts.WalkIndexDistribution(order, 100, depth: 2)).GetProperty("data");
        // Grid 3 x 3, L = 2: s_t = 1 + d_t = 3 (corners), 4 (sides), 5 (centre); all removed: every s_t = 0.
        Assert.Equal([3.0, 4, 3, 4, 5, 4, 3, 4, 3], Numbers(data[0].GetProperty("x")));
        Assert.All(Numbers(data[1].GetProperty("x")), s => Assert.Equal(0, s));
    }
}
