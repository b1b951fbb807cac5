using Lectures.Graphs;
using Lectures.Interactions;
using Lectures.Walks;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lectures.Plotting;

/// <summary>Charts for the GNN interaction lectures: separation rank against walk index, and a partition drawn on its graph.</summary>
public static class GnnCharts
{
    /// <summary>
    /// Scatter of log_{D_h}(measured sep) against the walk index, one point per row of the table (saturated
    /// measurements, which are only "at least", in their own series), with the upper-bound line 4 WI + 1.
    /// </summary>
    public static GenericChart SeparationRankVsWalkIndex(InteractionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Where(r => !double.IsNaN(r.LogSep)).ToList();
        var maxWi = table.Rows.Count == 0 ? 1 : Math.Max(1, table.Rows.Max(r => r.WalkIndex));
        var traces = new List<GenericChart>
        {
            Points(rows.Where(r => !r.Sep.Saturated), "measured sep (exact or numerical rank)", "#1f77b4", StyleParam.MarkerSymbol.Circle),
            Points(rows.Where(r => r.Sep.Saturated), "saturated: sep at least this", "#d62728", StyleParam.MarkerSymbol.TriangleUp),
            Chart.Line<double, double, string>(x: [0.0, maxWi], y: [1.0, 4.0 * maxWi + 1],
                Name: "upper bound 4 WI + 1", LineColor: Color.fromString("#7f7f7f"), LineDash: StyleParam.DrawingStyle.Dash),
        };
        var hidden = table.Gnn.HiddenWidth;
        return Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(
                Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(
                    Chart.Combine(traces), TitleText: ($"walk index WI (length-{table.Gnn.Depth - 1} walks from the boundary)")),
                TitleText: ($"log_{hidden} sep (measured lower bound)"))
            .Titled($"Separation rank vs walk index: {table.Prediction}, L = {table.Gnn.Depth}, D_h = {hidden}");
    }

    /// <summary>
    /// The graph drawn with I and I^c in two colours and the boundary C_I (both sides) as larger diamonds; vertex ids as
    /// labels. Positions: <paramref name="positions"/> when given, else <see cref="GraphLayout.Spring"/> with the seed.
    /// </summary>
    public static GenericChart Partition(Graph graph, IEnumerable<int> I, IReadOnlyList<(double X, double Y)>? positions = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var partition = Walks.Partition.Of(graph, I);
        positions ??= GraphLayout.Spring(graph, seed);
        if (positions.Count != graph.VertexCount)
            throw new ArgumentException($"There are {positions.Count} positions, expected one per vertex ({graph.VertexCount}).", nameof(positions));
        var boundary = Boundary.Of(graph, partition).ToHashSet();
        GenericChart Vertices(bool inI, bool onBoundary, string name, string colour)
        {
            var vs = graph.Vertices.Where(v => partition.Contains(v) == inI && boundary.Contains(v) == onBoundary).ToList();
            return Chart.Scatter<double, double, string>(x: vs.Select(v => positions[v].X), y: vs.Select(v => positions[v].Y),
                mode: StyleParam.Mode.Markers_Text, Name: name, MultiText: vs.Select(v => v.ToString()).ToList(),
                TextPosition: StyleParam.TextPosition.TopCenter, MarkerColor: Color.fromString(colour),
                MarkerSymbol: onBoundary ? StyleParam.MarkerSymbol.Diamond : StyleParam.MarkerSymbol.Circle);
        }
        // One line per edge; only the first shows in the legend.
        var traces = graph.Edges.Select((e, k) => Chart.Line<double, double, string>(
            x: [positions[e.U].X, positions[e.V].X], y: [positions[e.U].Y, positions[e.V].Y],
            Name: "edges", ShowLegend: k == 0, LineColor: Color.fromString("#c7c7c7"))).ToList();
        traces.AddRange(
        [
            Vertices(true, false, "I", "#1f77b4"),
            Vertices(true, true, "I, on the boundary C_I", "#0b3d91"),
            Vertices(false, false, "I^c", "#ff7f0e"),
            Vertices(false, true, "I^c, on the boundary C_I", "#a63603"),
        ]);
        return Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(
                Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(
                    Chart.Combine(traces), TitleText: ("layout x (no units)"), ShowGrid: false, ZeroLine: false),
                TitleText: ("layout y (no units)"), ShowGrid: false, ZeroLine: false)
            .Titled($"Partition I = {partition} (|I| = {partition.I.Count}), boundary |C_I| = {boundary.Count}");
    }

    private static GenericChart Titled(this GenericChart chart, string title)
    {
        var t = new Title();
        t.SetProperty("text", title);
        return Plotly.NET.Chart.withTitle(t).Invoke(chart);
    }

    private static GenericChart Points(IEnumerable<InteractionRow> rows, string name, string colour, StyleParam.MarkerSymbol symbol)
    {
        var list = rows.ToList();
        return Chart.Scatter<double, double, string>(x: list.Select(r => (double)r.WalkIndex), y: list.Select(r => r.LogSep),
            mode: StyleParam.Mode.Markers, Name: name, MultiText: list.Select(r => $"I = {r.Partition}, sep >= {r.MeasuredSep}").ToList(),
            MarkerColor: Color.fromString(colour), MarkerSymbol: symbol);
    }
}
