namespace Lectures.Tests.Core.Plotting;

using Lectures.Graphs;
using Lectures.Interactions;
using Lectures.Plotting;

public class GnnChartsTests
{
    private static string Json(Plotly.NET.GenericChart chart) => Plotly.NET.GenericChart.toJson(chart);

    [Fact]
    public void SeveralTablesGetOneSeriesPerGraphAndOneSaturatedSeries()
    {
        var gnn = ProductGnn.RandomInteger(depth: 2, inputWidth: 2, hiddenWidth: 2, seed: 7);
        var points = new EvaluationPoints(P: 12, Q: 12, Seed: 1);
        var tables = new[] { GraphFamilies.Path(4), GraphFamilies.Cycle(4) }
            .Select(g => InteractionTable.ForGraphPrediction(g, gnn, [[0], [0, 1]], points)).ToList();
        var chart = GnnCharts.SeparationRankVsWalkIndex(tables);
        var traces = Plotly.NET.CSharp.GenericChartExtensions.GetTraces(chart).ToList();
        Assert.Equal(4, traces.Count);
        var json = Json(chart);
        Assert.Contains("path P_4: measured sep", json);
        Assert.Contains("cycle C_4: measured sep", json);
        Assert.Contains("saturated: sep at least this", json);
        Assert.Contains("upper bound 4 WI + 1", json);

        var deeper = InteractionTable.ForGraphPrediction(GraphFamilies.Path(4), ProductGnn.RandomInteger(3, 2, 2, seed: 1), [[0]], points);
        Assert.Contains("the first has L = 2, D_h = 2, another L = 3, D_h = 2",
            Assert.Throws<ArgumentException>(() => GnnCharts.SeparationRankVsWalkIndex([tables[0], deeper])).Message);
    }

    [Fact]
    public void SpectrumShowsRelativeSingularValuesAndTheTolerance()
    {
        var result = SeparationRank.Numerical(ClosedForms.InnerProduct(3), [0], new EvaluationPoints(P: 10, Q: 10, Seed: 2));
        var json = Json(GnnCharts.SingularValueSpectrum(("inner product", result)));
        Assert.Contains("inner product (rank 3)", json);
        Assert.Contains("inner product: tolerance 1e-10", json);
        Assert.Contains("s_k / s_1", json);
        Assert.Contains("\"type\":\"log\"", json);
        var exact = SeparationRank.Exact(ClosedForms.InnerProduct(3), [0], new EvaluationPoints(P: 10, Q: 10));
        Assert.Contains("'exact' has no singular values", Assert.Throws<ArgumentException>(() => GnnCharts.SingularValueSpectrum(("exact", exact))).Message);
    }

    [Fact]
    public void VertexValuesColourEveryVertexAndShowTheValueOnHover()
    {
        var g = GraphFamilies.Path(3);
        var json = Json(GnnCharts.VertexValues(g, [1.5, -2, 4], "f_t(X)"));
        Assert.Contains("\"color\":[1.5,-2.0,4.0]", json);
        Assert.Contains("vertex 1: f_t(X) = -2", json);
        Assert.Contains("f_t(X), per vertex of the path P_3", json);
        Assert.Contains("There are 2 values, expected one per vertex (3)",
            Assert.Throws<ArgumentException>(() => GnnCharts.VertexValues(g, [1.0, 2], "v")).Message);
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

        var json = Json(GnnCharts.RankVersusMatrixSize(("exact", results), ("numerical", numerical)));
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
        var json = Json(GnnCharts.SeparationRankVsWalkIndex(vertexTables));
        Assert.Contains("sharp bound at L = 2: sep ≤ D<sub>h</sub><sup>WI</sup>", json);
        Assert.DoesNotContain("1 + WI", json);
        // The line is log_{D_h} sep = WI: y equals x at every point.
        var sharp = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("data").EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == "sharp bound at L = 2: sep ≤ D<sub>h</sub><sup>WI</sup>");
        Assert.Equal(sharp.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()),
            sharp.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Contains("vertex prediction (several t), L = 2, D<sub>h</sub> = 2", json);
        // One series for the graph (four tables of the same graph), saturated, 4 WI + 1, the sharp bound.
        Assert.Equal(4, Plotly.NET.CSharp.GenericChartExtensions.GetTraces(GnnCharts.SeparationRankVsWalkIndex(vertexTables)).Count());
        // The vertical axis fits the measurements (at most log_2 20), not the loose bound.
        Assert.Matches("\"range\":\\[-0.3,[0-9.]+\\]", json);

        var depthOne = InteractionTable.ForGraphPrediction(g, ProductGnn.RandomInteger(1, 2, 2, seed: 7), [[0], [0, 1]], points);
        Assert.Contains("sharp bound at L = 1: sep ≤ D<sub>h</sub>", Json(GnnCharts.SeparationRankVsWalkIndex(depthOne)));
        // Depth 2, graph prediction: only the general bound is known.
        Assert.DoesNotContain("sharp bound", Json(GnnCharts.SeparationRankVsWalkIndex(InteractionTable.ForGraphPrediction(g, depthTwo, [[0]], points))));
    }
}
