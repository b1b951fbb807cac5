using Lectures.Plotting;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lectures.Finetuning;

/// <summary>Charts of the controlled finetuning experiments: one line per method (or method and group), mean over seeds.</summary>
public static class FinetuningExperimentCharts
{
    /// <summary>Mean expected reward of one group against the step, one line per method.</summary>
    public static GenericChart RewardCurves(IEnumerable<FinetuningRecord> records, string group, string optimizer, string task) =>
        Curves(records.Where(r => r.Group == group && r.Optimizer == optimizer && r.Task == task), r => r.Method, r => r.MeanReward,
            $"Mean reward of the {group} inputs ({optimizer}, {task})", "mean expected reward V(x) over the group", log: false);

    /// <summary>
    /// Norm of the gradient of each group's mean objective against the step, for the given methods (log scale):
    /// small-std inputs get almost no gradient under RFT.
    /// </summary>
    public static GenericChart GradientNormCurves(IEnumerable<FinetuningRecord> records, IReadOnlyCollection<string> methods, string optimizer, string task) =>
        Curves(records.Where(r => r.Group != "all" && methods.Contains(r.Method) && r.Optimizer == optimizer && r.Task == task),
            r => $"{r.Method}, {r.Group}", r => r.GradientNorm,
            $"Gradient norm per group ({optimizer}, {task})", "‖gradient of the group's mean objective‖ (log scale)", log: true);

    /// <summary>10th percentile of the reward std of one group against the step, one line per method.</summary>
    public static GenericChart RewardStdCurves(IEnumerable<FinetuningRecord> records, string group, string optimizer, string task) =>
        Curves(records.Where(r => r.Group == group && r.Optimizer == optimizer && r.Task == task), r => r.Method, r => r.RewardStdP10,
            $"10th percentile of the reward std, {group} inputs ({optimizer}, {task})", "10th percentile of STD(x) over the group", log: false);

    /// <summary>Fraction of all training inputs with small reward std against the step, one line per method.</summary>
    public static GenericChart SmallStdFractionCurves(IEnumerable<FinetuningRecord> records, IReadOnlyCollection<string> methods, string optimizer, string task) =>
        Curves(AllInputs(records, methods, optimizer, task), r => r.Method, r => r.SmallStdFraction,
            $"Fraction of training inputs with small reward std ({optimizer}, {task})", "fraction of inputs with STD(x) below the threshold", log: false);

    /// <summary>Fraction of all training inputs that are stuck (small reward std and a wrong prediction) against the step, one line per method.</summary>
    public static GenericChart StuckFractionCurves(IEnumerable<FinetuningRecord> records, IReadOnlyCollection<string> methods, string optimizer, string task) =>
        Curves(AllInputs(records, methods, optimizer, task), r => r.Method, r => r.StuckFraction,
            $"Fraction of training inputs stuck: small reward std and a wrong prediction ({optimizer}, {task})", "fraction of inputs with STD(x) below the threshold, predicted wrongly", log: false);

    /// <summary>A bar per heuristic: the fraction of the small-std reward gap between RFT and SFT then RFT that it closes.</summary>
    public static GenericChart GapClosedBars(IReadOnlyList<(string Heuristic, double GapClosed)> gaps, string optimizer, string task) =>
        Chart.Column<double, string, string>(gaps.Select(g => g.GapClosed), Keys: gaps.Select(g => g.Heuristic).ToArray(), Name: "gap closed")
            .WithTitle($"Heuristics: fraction of the small-std gap closed ({optimizer}, {task})")
            .WithXAxisStyle<double, double, string>(TitleText: "heuristic (RFT with ...)")
            .WithYAxisStyle<double, double, string>(TitleText: "gap closed: (V_heuristic − V_RFT) / (V_SFT→RFT − V_RFT)");

    /// <summary>
    /// The sweep of SFT phases: a group's final mean reward V (mean over seeds, sample std as error bars) against the SFT
    /// phase's steps (log scale), one line per labelled fraction.
    /// </summary>
    public static GenericChart SweepCurves(IReadOnlyList<SweepPoint> points, string group, string optimizer, string task)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) throw new ArgumentException($"The sweep has no points for {group} ({optimizer}, {task}).", nameof(points));
        var lines = points.GroupBy(p => p.Fraction).OrderBy(g => g.Key).Select(g =>
        {
            var line = g.OrderBy(p => p.SftSteps).ToList();
            var curve = Chart.Line<int, double, string>(line.Select(p => p.SftSteps), line.Select(p => p.Mean),
                Name: $"SFT on {100 * g.Key:G3}% of the inputs", ShowMarkers: true, ShowLegend: true);
            return Plotly.NET.Chart.withYError(Plotly.NET.TraceObjects.Error.init<double, double>(
                null, FSharpOption<StyleParam.ErrorType>.Some(StyleParam.ErrorType.Data), null,
                FSharpOption<IEnumerable<double>>.Some(line.Select(p => p.StandardDeviation).ToArray()),
                null, null, null, null, null, null, null, null, null, null, null)).Invoke(curve);
        });
        return Chart.Combine(lines)
            .WithTitle($"SFT phase, then RFT: final mean reward of the {group} inputs ({optimizer}, {task}; mean ± std over {points.Max(p => p.Seeds)} seeds)")
            .WithXAxisStyle<double, double, string>(TitleText: "SFT steps before RFT (full-batch steps, log scale)", AxisType: StyleParam.AxisType.Log)
            .WithYAxisStyle<double, double, string>(TitleText: $"final mean expected reward V over the {group} inputs (−1 to 1)");
    }

    static IEnumerable<FinetuningRecord> AllInputs(IEnumerable<FinetuningRecord> records, IReadOnlyCollection<string> methods, string optimizer, string task) =>
        records.Where(r => r.Group == "all" && methods.Contains(r.Method) && r.Optimizer == optimizer && r.Task == task);

    static GenericChart Curves(IEnumerable<FinetuningRecord> records, Func<FinetuningRecord, string> series,
        Func<FinetuningRecord, double> value, string title, string yTitle, bool log)
    {
        var lines = records.GroupBy(series).Select(s =>
        {
            var points = s.GroupBy(r => r.Step).OrderBy(g => g.Key).Select(g => (Step: g.Key, Value: g.Average(value))).ToList();
            return Chart.Line<int, double, string>(points.Select(p => p.Step), points.Select(p => p.Value), Name: s.Key, ShowLegend: true);
        });
        return Chart.Combine(lines)
            .WithTitle(title)
            .WithXAxisStyle<double, double, string>(TitleText: "finetuning step (full batch)")
            .WithYAxisStyle<double, double, string>(TitleText: yTitle, AxisType: log ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear);
    }
}
