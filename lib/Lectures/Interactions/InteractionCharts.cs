using Lectures.Plotting;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using static Lectures.Plotting.ChartStyle;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lectures.Interactions;

/// <summary>Charts for the GNN interaction lectures: separation rank against walk index, singular-value spectra, and rank against matrix size.</summary>
public static class InteractionCharts
{
    /// <summary>
    /// Scatter of log_{D_h}(measured sep) against the walk index, one point per row of the table (saturated
    /// measurements, which are only "at least", in their own series), with the upper-bound line 4 WI + 1.
    /// </summary>
    public static GenericChart SeparationRankVsWalkIndex(InteractionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return SeparationRankVsWalkIndex([table]);
    }

    /// <summary>
    /// As <see cref="SeparationRankVsWalkIndex(InteractionTable)"/> for several tables (e.g. one per graph, or one per
    /// target vertex) of GNNs with the same depth and width: one series per graph, the saturated rows of all tables
    /// in one series, the upper-bound line 4 WI + 1, and the sharp bound where one is known: log_{D_h} sep &lt;= 1
    /// at depth 1 (graph prediction) and log_{D_h} sep &lt;= WI at depth 2 (vertex prediction). The vertical
    /// axis shows the measurements; the 4 WI + 1 line leaves it at the top.
    /// </summary>
    public static GenericChart SeparationRankVsWalkIndex(IEnumerable<InteractionTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var list = tables.ToList();
        if (list.Count == 0) throw new ArgumentException("The chart needs at least one interaction table.", nameof(tables));
        var (depth, hidden) = (list[0].Gnn.Depth, list[0].Gnn.HiddenWidth);
        if (list.Find(t => t.Gnn.Depth != depth || t.Gnn.HiddenWidth != hidden) is { } other)
            throw new ArgumentException(
                $"All tables must share the GNN's depth and width: the first has L = {depth}, D_h = {hidden}, another L = {other.Gnn.Depth}, D_h = {other.Gnn.HiddenWidth}.",
                nameof(tables));
        var rows = list.SelectMany(t => t.Rows).Where(r => !double.IsNaN(r.LogSep)).ToList();
        var maxWi = rows.Count == 0 ? 1.0 : Math.Max(1, rows.Max(r => r.WalkIndex));
        var byGraph = list.GroupBy(t => t.Graph.LoadReport.Source).ToList();
        // Walk indices are integers, so graphs share x values: each graph's series is shifted sideways by about
        // ten pixels (a fixed fraction of the axis) to keep it visible; the hover text gives the exact WI.
        var dodge = maxWi / 60;
        var traces = byGraph.Select((g, k) => Points(g.SelectMany(t => t.Rows).Where(r => !double.IsNaN(r.LogSep) && !r.Sep.Saturated),
                byGraph.Count == 1 ? "measured sep (exact or numerical rank)" : $"{g.Key}: measured sep",
                SeriesColours[k % SeriesColours.Length], StyleParam.MarkerSymbol.Circle, (k - (byGraph.Count - 1) / 2.0) * dodge))
            .Append(Points(rows.Where(r => r.Sep.Saturated), "saturated: sep at least this", "#d62728", StyleParam.MarkerSymbol.TriangleUp, 0))
            .Append(BoundLine("upper bound 4 WI + 1", maxWi, wi => 4 * wi + 1, "#7f7f7f"))
            .ToList();
        var allGraph = list.TrueForAll(t => t.Target is null);
        var allVertex = list.TrueForAll(t => t.Target is not null);
        if (depth == 1 && allGraph) traces.Add(BoundLine("sharp bound at L = 1: sep ≤ D<sub>h</sub>", maxWi, _ => 1, SharpBoundColour));
        if (depth == 2 && allVertex) traces.Add(BoundLine("sharp bound at L = 2: sep ≤ D<sub>h</sub><sup>WI</sup>", maxWi, wi => wi, SharpBoundColour));
        var predictions = allVertex && list.Select(t => t.Target).Distinct().Count() > 1
            ? "vertex prediction (several t)"
            : string.Join("; ", list.Select(t => t.Prediction).Distinct());
        var top = rows.Count == 0 ? 2 : Math.Max(1, rows.Max(r => r.LogSep)) * 1.25 + 0.5;
        var yTitle = $"log<sub>{hidden}</sub> sep (measured lower bound)";
        var chart = Axes(Chart.Combine(traces), $"walk index WI (length-{depth - 1} walks from the boundary)", yTitle);
        // Replaces the y axis set above, so it repeats the title.
        var yAxis = new LinearAxis();
        yAxis.SetProperty("title", new Dictionary<string, object> { ["text"] = yTitle });
        yAxis.SetProperty("range", new[] { -0.3, top });
        var layout = new Layout();
        layout.SetProperty("yaxis", yAxis);
        return Plotly.NET.Chart.withLayout(layout).Invoke(chart)
            .WithTitle($"Separation rank vs walk index: {predictions}, L = {depth}, D<sub>h</sub> = {hidden}").TallWithLegendBelow();
    }

    /// <summary>
    /// The singular values of normalised evaluation matrices, s_k / s_1 against k on a log axis, one series per
    /// numerical result, with each result's tolerance as a dashed line: the rank is the number of values above it.
    /// </summary>
    public static GenericChart SingularValueSpectrum(params (string Name, SeparationRankResult Result)[] spectra)
    {
        ArgumentNullException.ThrowIfNull(spectra);
        if (spectra.Length == 0) throw new ArgumentException("The chart needs at least one spectrum.", nameof(spectra));
        var traces = new List<GenericChart>();
        foreach (var ((name, result), k) in spectra.Select((s, k) => (s, k)))
        {
            if (result.SingularValues is not { Count: > 0 } s || result.RelativeTolerance is not { } tolerance)
                throw new ArgumentException($"'{name}' has no singular values: pass results of SeparationRank.Numerical.", nameof(spectra));
            var colour = Color.fromString(SeriesColours[k % SeriesColours.Length]);
            // Exact zeros cannot be drawn on a log axis; they sit far below any tolerance anyway.
            var shown = s.Select((v, i) => (K: i + 1.0, Ratio: v / s[0])).Where(p => p.Ratio > 0).ToList();
            traces.Add(Chart.Line<double, double, string>(x: shown.Select(p => p.K), y: shown.Select(p => p.Ratio), ShowMarkers: true,
                Name: $"{name} (rank {result.Rank})", LineColor: colour));
            traces.Add(Chart.Line<double, double, string>(x: [1.0, s.Count], y: [tolerance, tolerance],
                Name: $"{name}: tolerance {tolerance:g3}", LineColor: colour, LineDash: StyleParam.DrawingStyle.Dash));
        }
        var chart = Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(
            Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(
                Chart.Combine(traces), TitleText: "k (index of the singular value, largest first)"),
            TitleText: "s_k / s_1 (relative singular value, log scale)", AxisType: StyleParam.AxisType.Log);
        return chart.WithTitle("Singular values of the normalised evaluation matrix M[p, q] = f(a_p, b_q)").TallWithLegendBelow();
    }

    /// <summary>
    /// Measured rank against the matrix size P (= Q), one series per list of results (e.g. from
    /// <see cref="SeparationRank.ByMatrixSize"/>), with the saturation line rank = P: a series that leaves the line
    /// and goes flat has found sep; one still on the line only says "at least P".
    /// </summary>
    public static GenericChart RankVersusMatrixSize(params (string Name, IReadOnlyList<SeparationRankResult> Results)[] series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Length == 0 || series.Any(s => s.Results.Count == 0))
            throw new ArgumentException("The chart needs at least one non-empty list of results.", nameof(series));
        var maxP = series.Max(s => s.Results.Max(r => r.P));
        var traces = series.Select((s, k) => Chart.Line<double, double, string>(
                x: s.Results.Select(r => (double)r.P), y: s.Results.Select(r => (double)r.Rank), ShowMarkers: true,
                Name: s.Name, LineColor: Color.fromString(SeriesColours[k % SeriesColours.Length])))
            .Append(Chart.Line<double, double, string>(x: [0.0, maxP], y: [0.0, maxP], Name: "saturation: rank = P (only \"at least\")",
                LineColor: Color.fromString("#7f7f7f"), LineDash: StyleParam.DrawingStyle.Dash));
        return Axes(Chart.Combine(traces), "P = Q (points per side of the evaluation matrix)", "rank of M (lower bound on sep)")
            .WithTitle("Measured separation rank vs evaluation-matrix size").TallWithLegendBelow();
    }

    private const string SharpBoundColour = "#000000";

    private static readonly string[] SeriesColours = ["#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22"];

    private static GenericChart BoundLine(string name, double maxWi, Func<double, double> exponent, string colour)
    {
        var x = Enumerable.Range(0, 41).Select(k => maxWi * k / 40).ToArray();
        return Chart.Line<double, double, string>(x: x, y: x.Select(exponent), Name: name,
            LineColor: Color.fromString(colour), LineDash: StyleParam.DrawingStyle.Dash);
    }

    private static GenericChart Points(IEnumerable<InteractionRow> rows, string name, string colour, StyleParam.MarkerSymbol symbol, double xOffset)
    {
        var list = rows.ToList();
        return Chart.Scatter<double, double, string>(x: list.Select(r => r.WalkIndex + xOffset), y: list.Select(r => r.LogSep),
            mode: StyleParam.Mode.Markers, Name: name,
            MultiText: list.Select(r => $"I = {r.Partition}{(r.Target is { } t ? $", t = {t}" : "")}: WI = {r.WalkIndex}, sep >= {r.MeasuredSep}").ToList(),
            MarkerColor: Color.fromString(colour), MarkerSymbol: symbol);
    }
}
