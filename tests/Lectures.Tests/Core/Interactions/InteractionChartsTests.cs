namespace Lectures.Tests.Core.Interactions;

using Lectures.Graphs;
using Lectures.Interactions;

public class InteractionChartsTests
{
    private static string Json(Plotly.NET.GenericChart chart) => Plotly.NET.GenericChart.toJson(chart);

    [Fact]
    public void OneTableGetsTitleAxisLabelsAndLegend()
    {
        var gnn = ProductGnn.RandomInteger(depth: 2, inputWidth: 2, hiddenWidth: 2, seed: 7);
        var table = InteractionTable.ForGraphPrediction(GraphFamilies.TwoCliques(3), gnn, [[0, 1, 2], [0, 1, 3]], new EvaluationPoints(P: 30, Q: 30));
        var json = Json(InteractionCharts.SeparationRankVsWalkIndex(table));
        Assert.Contains("Separation rank vs walk index: graph prediction, L = 2, D<sub>h</sub> = 2", json);
        Assert.Contains("walk index WI", json);
        Assert.Contains("log<sub>2</sub> sep", json);
        Assert.Contains("upper bound 4 WI + 1", json);
        // Both ranks saturate a 30 x 30 matrix (50 and 121 > 30) and are drawn as "at least".
        Assert.Contains("saturated: sep at least this", json);
    }

    [Fact]
    public void SeveralTablesGetOneSeriesPerGraphAndOneSaturatedSeries()
    {
        var gnn = ProductGnn.RandomInteger(depth: 2, inputWidth: 2, hiddenWidth: 2, seed: 7);
        var points = new EvaluationPoints(P: 12, Q: 12, Seed: 1);
        var tables = new[] { GraphFamilies.Path(4), GraphFamilies.Cycle(4) }
            .Select(g => InteractionTable.ForGraphPrediction(g, gnn, [[0], [0, 1]], points)).ToList();
        var chart = InteractionCharts.SeparationRankVsWalkIndex(tables);
        var traces = Plotly.NET.CSharp.GenericChartExtensions.GetTraces(chart).ToList();
        Assert.Equal(4, traces.Count);
        var json = Json(chart);
        Assert.Contains("path P_4: measured sep", json);
        Assert.Contains("cycle C_4: measured sep", json);
        Assert.Contains("saturated: sep at least this", json);
        Assert.Contains("upper bound 4 WI + 1", json);

        var deeper = InteractionTable.ForGraphPrediction(GraphFamilies.Path(4), ProductGnn.RandomInteger(3, 2, 2, seed: 1), [[0]], points);
        Assert.Contains("the first has L = 2, D_h = 2, another L = 3, D_h = 2",
            Assert.Throws<ArgumentException>(() => InteractionCharts.SeparationRankVsWalkIndex([tables[0], deeper])).Message);
    }

    [Fact]
    public void SpectrumShowsRelativeSingularValuesAndTheTolerance()
    {
        var result = SeparationRank.Numerical(ClosedForms.InnerProduct(3), [0], new EvaluationPoints(P: 10, Q: 10, Seed: 2));
        var json = Json(InteractionCharts.SingularValueSpectrum(("inner product", result)));
        Assert.Contains("inner product (rank 3)", json);
        Assert.Contains("inner product: tolerance 1e-10", json);
        Assert.Contains("s_k / s_1", json);
        Assert.Contains("\"type\":\"log\"", json);
        var exact = SeparationRank.Exact(ClosedForms.InnerProduct(3), [0], new EvaluationPoints(P: 10, Q: 10));
        Assert.Contains("'exact' has no singular values", Assert.Throws<ArgumentException>(() => InteractionCharts.SingularValueSpectrum(("exact", exact))).Message);
    }

    [Fact]
    public void RankGrowsAlongTheSaturationLineThenStopsAtSep()
    {
        var results = SeparationRank.ByMatrixSize(ClosedForms.SquaredInnerProduct(3), [0], [2, 4, 6, 8, 10], exact: true, seed: 1);
        Assert.Equal([2, 4, 6, 6, 6], results.Select(r => r.Rank));
        Assert.Equal([true, true, true, false, false], results.Select(r => r.Saturated));
        var numerical = SeparationRank.ByMatrixSize(ClosedForms.SquaredInnerProduct(3), [0], [4, 10], exact: false, seed: 1);
        Assert.Equal([4, 6], numerical.Select(r => r.Rank));
        Assert.NotNull(numerical[0].SingularValues);

        var json = Json(InteractionCharts.RankVersusMatrixSize(("exact", results), ("numerical", numerical)));
        Assert.Contains("\"name\":\"exact\"", json);
        Assert.Contains("saturation: rank = P", json);
        Assert.Contains("P = Q (points per side of the evaluation matrix)", json);
        Assert.Contains("rank of M (lower bound on sep)", json);
    }

    [Fact]
    public void SharpBoundsAreDrawnWhereTheyAreKnown()
    {
        var g = GraphFamilies.Path(4);
        var points = new EvaluationPoints(P: 20, Q: 20, Seed: 1);
        var depthTwo = ProductGnn.RandomInteger(depth: 2, inputWidth: 2, hiddenWidth: 2, seed: 7);
        var vertexTables = g.Vertices.Select(t => InteractionTable.ForVertexPrediction(g, depthTwo, [[0], [0, 1]], t, points)).ToList();
        var json = Json(InteractionCharts.SeparationRankVsWalkIndex(vertexTables));
        Assert.Contains("sharp bound at L = 2: sep ≤ D<sub>h</sub><sup>WI</sup>", json);
        Assert.DoesNotContain("1 + WI", json);
        // The line is log_{D_h} sep = WI: y equals x at every point.
        var sharp = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("data").EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == "sharp bound at L = 2: sep ≤ D<sub>h</sub><sup>WI</sup>");
        Assert.Equal(sharp.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()),
            sharp.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Contains("vertex prediction (several t), L = 2, D<sub>h</sub> = 2", json);
        // One series for the graph (four tables of the same graph), saturated, 4 WI + 1, the sharp bound.
        Assert.Equal(4, Plotly.NET.CSharp.GenericChartExtensions.GetTraces(InteractionCharts.SeparationRankVsWalkIndex(vertexTables)).Count());
        // The vertical axis fits the measurements (at most log_2 20), not the loose bound.
        Assert.Matches("\"range\":\\[-0.3,[0-9.]+\\]", json);

        var depthOne = InteractionTable.ForGraphPrediction(g, ProductGnn.RandomInteger(1, 2, 2, seed: 7), [[0], [0, 1]], points);
        Assert.Contains("sharp bound at L = 1: sep ≤ D<sub>h</sub>", Json(InteractionCharts.SeparationRankVsWalkIndex(depthOne)));
        // Depth 2, graph prediction: only the general bound is known.
        Assert.DoesNotContain("sharp bound", Json(InteractionCharts.SeparationRankVsWalkIndex(InteractionTable.ForGraphPrediction(g, depthTwo, [[0]], points))));
    }
}
