using Lectures.Graphs;
using Lectures.Plotting;
using Plotly.NET;
using static Lectures.Plotting.ChartStyle;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lectures.Sparsification;

/// <summary>Charts for edge sparsification: walk-index distributions, removed edges on the graph, minimum walk index and isolated vertices as edges go.</summary>
public static class SparsificationCharts
{
    /// <summary>
    /// Histograms of the vertex walk indices s_t = rho_{L-1}(C_{t}, {t}) before and after removing the first p% of
    /// the order (one series each).
    /// </summary>
    public static GenericChart WalkIndexDistribution(RemovalOrder order, double percent, int depth)
    {
        ArgumentNullException.ThrowIfNull(order);
        var before = WalkIndexSparsifier.VertexScores(order.Graph, depth);
        var after = WalkIndexSparsifier.VertexScores(order.Apply(percent), depth);
        var chart = Chart.Combine(
        [
            Chart.Histogram<long, long, string>(X: before, Name: "all edges", MarkerColor: Color.fromString("#1f77b4")),
            Chart.Histogram<long, long, string>(X: after, Name: $"{order.RemovedCount(percent)} edges removed ({percent}%)", MarkerColor: Color.fromString("#d62728")),
        ]);
        return Axes(chart, $"walk index sₜ (length-{depth - 1} walks from C_t to t)", "number of vertices")
            .WithTitle($"Vertex walk indices before and after {order.Method}, L = {depth}");
    }

    /// <summary>
    /// The graph with its kept edges in grey and the first k removed edges of the order in red (dashed), vertices
    /// labelled by id. Positions: <paramref name="positions"/> when given, else <see cref="GraphLayout.Spring"/> with the seed.
    /// For small graphs (the spring layout is O(n^2) per iteration).
    /// </summary>
    public static GenericChart RemovedEdges(RemovalOrder order, int k, IReadOnlyList<(double X, double Y)>? positions = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(order);
        var graph = order.Graph;
        if (k < 0 || k > order.Count)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k is a number of removed edges and must be in 0..{order.Count}, got {k}.");
        positions ??= GraphLayout.Spring(graph, seed);
        if (positions.Count != graph.VertexCount)
            throw new ArgumentException($"There are {positions.Count} positions, expected one per vertex ({graph.VertexCount}).", nameof(positions));
        var removed = order.EdgeIds.Take(k).ToHashSet();
        GenericChart Edges(bool wasRemoved, string name, string colour)
        {
            var ids = Enumerable.Range(0, graph.EdgeCount).Where(id => removed.Contains(id) == wasRemoved).ToList();
            // One polyline with gaps (NaN) between edges, so the legend has one entry per kind.
            var xs = ids.SelectMany(id => new[] { positions[graph.Edges[id].U].X, positions[graph.Edges[id].V].X, double.NaN });
            var ys = ids.SelectMany(id => new[] { positions[graph.Edges[id].U].Y, positions[graph.Edges[id].V].Y, double.NaN });
            return Chart.Line<double, double, string>(x: xs, y: ys, Name: name, LineColor: Color.fromString(colour),
                LineDash: wasRemoved ? StyleParam.DrawingStyle.Dash : StyleParam.DrawingStyle.Solid);
        }
        var chart = Chart.Combine(
        [
            Edges(false, $"kept edges ({graph.EdgeCount - k})", "#b0b0b0"),
            Edges(true, $"first {k} removed edges", "#d62728"),
            Chart.Scatter<double, double, string>(x: positions.Select(p => p.X), y: positions.Select(p => p.Y),
                mode: StyleParam.Mode.Markers_Text, Name: "vertices", MultiText: graph.Vertices.Select(v => v.ToString()).ToList(),
                TextPosition: StyleParam.TextPosition.TopCenter, MarkerColor: Color.fromString("#1f77b4")),
        ]);
        return Axes(chart, "layout x (no units)", "layout y (no units)").WithTitle($"{order.Method}: the first {k} of {order.Count} edges removed");
    }

    /// <summary>
    /// For each order, min_t s_t (the smallest vertex walk index, the quantity WIS maximises first) against the
    /// percentage of edges kept, at sparsity 0, step, 2 step, ..., 100%.
    /// </summary>
    public static GenericChart MinimumWalkIndexVsEdgesKept(IEnumerable<RemovalOrder> orders, int depth, double stepPercent = 5) =>
        VersusEdgesKept(orders, stepPercent, g => WalkIndexSparsifier.VertexScores(g, depth).Min(),
            $"minimum vertex walk index minₜ sₜ (L = {depth})", $"Smallest walk index as edges are removed, L = {depth}");

    /// <summary>
    /// For each order, the number of vertices left without any edge (s_t = 0 at every depth: a GNN's prediction
    /// there ignores the graph) against the percentage of edges kept, at sparsity 0, step, 2 step, ..., 100%.
    /// </summary>
    public static GenericChart IsolatedVerticesVsEdgesKept(IEnumerable<RemovalOrder> orders, double stepPercent = 5) =>
        VersusEdgesKept(orders, stepPercent, g => g.Vertices.Count(v => g.Degree(v) == 0),
            "isolated vertices (no edge left)", "Vertices cut off from the graph as edges are removed");

    private static GenericChart VersusEdgesKept(IEnumerable<RemovalOrder> orders, double stepPercent, Func<Graph, long> measure,
        string yTitle, string title)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (!(stepPercent is > 0 and <= 100))
            throw new ArgumentOutOfRangeException(nameof(stepPercent), stepPercent, $"The step is a percentage in (0, 100], got {stepPercent}.");
        var levels = Enumerable.Range(0, (int)Math.Floor(100 / stepPercent + 1e-9) + 1).Select(k => Math.Min(100, k * stepPercent)).ToList();
        if (levels[^1] < 100) levels.Add(100);
        var traces = orders.Select(order => Chart.Line<double, long, string>(
            x: levels.Select(p => 100 - p), y: levels.Select(p => measure(order.Apply(p))),
            Name: order.Method, ShowMarkers: true)).ToList();
        if (traces.Count == 0) throw new ArgumentException("No removal orders to chart.", nameof(orders));
        return Axes(Chart.Combine(traces), "edges kept (%)", yTitle).WithTitle(title);
    }
}
