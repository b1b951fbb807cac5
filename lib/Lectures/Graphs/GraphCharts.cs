using Lectures.Plotting;
using Lectures.Walks;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lectures.Graphs;

/// <summary>Graph drawings: a value per vertex, and a partition I with its boundary C_I.</summary>
public static class GraphCharts
{
    /// <summary>
    /// The graph drawn with each vertex coloured by a value (a colour bar names it) and labelled by its id; hovering
    /// shows the value. Positions: <paramref name="positions"/> when given, else <see cref="GraphLayout.Spring"/> with the seed.
    /// </summary>
    public static GenericChart VertexValues(Graph graph, IReadOnlyList<double> values, string valueName,
        IReadOnlyList<(double X, double Y)>? positions = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(valueName);
        if (values.Count != graph.VertexCount)
            throw new ArgumentException($"There are {values.Count} values, expected one per vertex ({graph.VertexCount}).", nameof(values));
        positions = Positions(graph, positions, seed);
        var marker = new Plotly.NET.TraceObjects.Marker();
        marker.SetProperty("color", values.ToArray());
        marker.SetProperty("colorscale", "Viridis");
        marker.SetProperty("showscale", true);
        marker.SetProperty("size", 16);
        var colourBar = new ColorBar();
        colourBar.SetProperty("title", new Dictionary<string, object> { ["text"] = valueName });
        marker.SetProperty("colorbar", colourBar);
        var vertices = Chart.Scatter<double, double, string>(x: positions.Select(p => p.X), y: positions.Select(p => p.Y),
            mode: StyleParam.Mode.Markers_Text, Name: "vertices (colour = value)",
            MultiText: graph.Vertices.Select(v => v.ToString()).ToList(), TextPosition: StyleParam.TextPosition.TopCenter, Marker: marker);
        var hoverText = graph.Vertices.Select(v => $"vertex {v}: {valueName} = {values[v]:g6}").ToArray();
        vertices = GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            trace.SetProperty("hovertext", hoverText);
            trace.SetProperty("hoverinfo", "text");
            return trace;
        }), vertices);
        return GraphAxes(Chart.Combine(EdgeTraces(graph, positions).Append(vertices)))
            .WithTitle($"{valueName}, per vertex of the {graph.LoadReport.Source}").TallWithLegendBelow();
    }

    /// <summary>
    /// The graph drawn with I and I^c in two colours and the boundary C_I (both sides) as larger diamonds; vertex ids as
    /// labels. Positions: <paramref name="positions"/> when given, else <see cref="GraphLayout.Spring"/> with the seed.
    /// </summary>
    public static GenericChart Partition(Graph graph, IEnumerable<int> I, IReadOnlyList<(double X, double Y)>? positions = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var partition = Walks.Partition.Of(graph, I);
        positions = Positions(graph, positions, seed);
        var boundary = Boundary.Of(graph, partition).ToHashSet();
        GenericChart Vertices(bool inI, bool onBoundary, string name, string colour)
        {
            var vs = graph.Vertices.Where(v => partition.Contains(v) == inI && boundary.Contains(v) == onBoundary).ToList();
            var marker = new Plotly.NET.TraceObjects.Marker();
            marker.SetProperty("color", colour);
            marker.SetProperty("symbol", onBoundary ? "diamond" : "circle");
            marker.SetProperty("size", onBoundary ? 16 : 12);
            return Chart.Scatter<double, double, string>(x: vs.Select(v => positions[v].X), y: vs.Select(v => positions[v].Y),
                mode: StyleParam.Mode.Markers_Text, Name: name, MultiText: vs.Select(v => v.ToString()).ToList(),
                TextPosition: StyleParam.TextPosition.TopCenter, Marker: marker);
        }
        var traces = EdgeTraces(graph, positions).ToList();
        traces.AddRange(
        [
            Vertices(true, false, "I", "#1f77b4"),
            Vertices(true, true, "I, on the boundary C_I", "#0b3d91"),
            Vertices(false, false, "I^c", "#ff7f0e"),
            Vertices(false, true, "I^c, on the boundary C_I", "#a63603"),
        ]);
        return GraphAxes(Chart.Combine(traces))
            .WithTitle($"Partition I = {partition} (|I| = {partition.I.Count}), boundary |C_I| = {boundary.Count}").TallWithLegendBelow();
    }

    private static IReadOnlyList<(double X, double Y)> Positions(Graph graph, IReadOnlyList<(double X, double Y)>? positions, int seed)
    {
        positions ??= GraphLayout.Spring(graph, seed);
        return positions.Count == graph.VertexCount
            ? positions
            : throw new ArgumentException($"There are {positions.Count} positions, expected one per vertex ({graph.VertexCount}).", nameof(positions));
    }

    // One line per edge; only the first shows in the legend.
    private static IEnumerable<GenericChart> EdgeTraces(Graph graph, IReadOnlyList<(double X, double Y)> positions) =>
        graph.Edges.Select((e, k) => Chart.Line<double, double, string>(
            x: [positions[e.U].X, positions[e.V].X], y: [positions[e.U].Y, positions[e.V].Y],
            Name: "edges", ShowLegend: k == 0, LineColor: Color.fromString("#c7c7c7")));

    private static GenericChart GraphAxes(GenericChart chart) =>
        Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(
            Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(
                chart, TitleText: "layout x (no units)", ShowGrid: false, ZeroLine: false),
            TitleText: "layout y (no units)", ShowGrid: false, ZeroLine: false);
}
