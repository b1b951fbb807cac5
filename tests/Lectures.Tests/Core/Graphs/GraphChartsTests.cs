namespace Lectures.Tests.Core.Graphs;

using Lectures.Graphs;

public class GraphChartsTests
{
    private static string Json(Plotly.NET.GenericChart chart) => Plotly.NET.GenericChart.toJson(chart);

    [Fact]
    public void VertexValuesColourEveryVertexAndShowTheValueOnHover()
    {
        var g = GraphFamilies.Path(3);
        var json = Json(GraphCharts.VertexValues(g, [1.5, -2, 4], "f_t(X)"));
        Assert.Contains("\"color\":[1.5,-2.0,4.0]", json);
        Assert.Contains("vertex 1: f_t(X) = -2", json);
        Assert.Contains("f_t(X), per vertex of the path P_3", json);
        Assert.Contains("There are 2 values, expected one per vertex (3)",
            Assert.Throws<ArgumentException>(() => GraphCharts.VertexValues(g, [1.0, 2], "v")).Message);
    }

    [Fact]
    public void PartitionDrawsEveryEdgeAndTheFourSidesOfTheBoundary()
    {
        var twoCliques = GraphFamilies.TwoCliques(3);
        var drawing = GraphCharts.Partition(twoCliques, [0, 1, 2]);
        var traces = Plotly.NET.CSharp.GenericChartExtensions.GetTraces(drawing).ToList();
        Assert.Equal(twoCliques.EdgeCount + 4, traces.Count);
        var drawingJson = Json(drawing);
        Assert.Contains("boundary |C_I| = 2", drawingJson);
        Assert.Contains("I^c, on the boundary C_I", drawingJson);
    }
}
