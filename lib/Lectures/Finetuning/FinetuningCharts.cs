using Lectures.Plotting;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;
using Plotly.NET.CSharp;

namespace Lectures.Finetuning;

/// <summary>Charts for part 2 of the talk: vanishing gradients in reinforcement finetuning.</summary>
public static class FinetuningCharts
{
    /// <summary>
    /// Theorem 1 on log-log axes: ||grad V|| / (T gamma) against STD for every policy (one series per length T), with
    /// the bound 6 STD^{2/3} and the one-step bound STD. Policies with STD = 0 or a zero gradient cannot be drawn.
    /// </summary>
    public static GenericChart GradientVersusStd(IReadOnlyList<GradientStdPoint> points)
    {
        var drawable = points.Where(p => p.RewardStd > 0 && p.GradientNorm > 0).ToList();
        if (drawable.Count == 0)
            throw new ArgumentException("No policy has both STD > 0 and ||grad V|| > 0, so nothing can be drawn on log axes.", nameof(points));
        var series = drawable.GroupBy(p => p.Length).OrderBy(g => g.Key).Select(g =>
            Chart.Point<double, double, string>(
                g.Select(p => p.RewardStd), g.Select(p => p.GradientNorm * p.Temperature / p.Length), Name: $"policies, T = {g.Key}"));
        var s = LogGrid(drawable.Min(p => p.RewardStd), 1, 60);
        var bound = Chart.Line<double, double, string>(s, s.Select(x => 6 * Math.Pow(x, 2.0 / 3)), Name: "Theorem 1: 6·STD<sup>2/3</sup>");
        var oneStep = Chart.Line<double, double, string>(s, s, Name: "one step: STD");
        return Chart.Combine([.. series, bound, oneStep])
            .WithTitle("Gradient norm is bounded by the reward std (Theorem 1)")
            .WithXAxisStyle<double, double, string>(TitleText: "reward std STD(x)", AxisType: StyleParam.AxisType.Log)
            .WithYAxisStyle<double, double, string>(TitleText: "‖∇V(x)‖ / (T·γ)", AxisType: StyleParam.AxisType.Log);
    }

    /// <summary>RFT and SFT time to correct classification against the initial reward std (log-log), with the
    /// fitted RFT line T = e^a STD_0^b.</summary>
    public static GenericChart TimeVersusInitialStd(TimeScaling scaling)
    {
        var std = scaling.Points.Select(p => p.InitialStd).ToArray();
        var rft = Chart.Line<double, double, string>(std, scaling.Points.Select(p => p.RftCorrectTime), ShowMarkers: true, Name: "RFT");
        var sft = Chart.Line<double, double, string>(std, scaling.Points.Select(p => p.SftCorrectTime), ShowMarkers: true, Name: "SFT");
        var fit = Chart.Line<double, double, string>(std, std.Select(x => Math.Exp(scaling.RftIntercept) * Math.Pow(x, scaling.RftSlope)),
            Name: $"RFT fit: slope {scaling.RftSlope:F2}");
        return Chart.Combine([rft, sft, fit])
            .WithTitle($"Time to correct classification (K = {scaling.Labels}): RFT ∝ 1/STD₀², SFT ∝ ln(1/STD₀)")
            .WithXAxisStyle<double, double, string>(TitleText: "initial reward std STD₀", AxisType: StyleParam.AxisType.Log)
            .WithYAxisStyle<double, double, string>(TitleText: "time t (gradient-flow units, n = 1)", AxisType: StyleParam.AxisType.Log);
    }

    /// <summary>The histogram of per-input reward std from a <see cref="RewardStdMonitor"/> report.</summary>
    public static GenericChart RewardStdHistogram(RewardStdReport report)
    {
        var bins = report.Histogram.Length;
        var centers = Enumerable.Range(0, bins).Select(b => (b + 0.5) / bins);
        return Chart.Column<int, double, string>(report.Histogram, new Optional<IEnumerable<double>>(centers, true), Name: "inputs")
            .WithTitle($"Reward std per input (step {report.Step}): {100 * report.FractionBelow(report.Threshold):F0}% below {report.Threshold}")
            .WithXAxisStyle<double, double, string>(TitleText: "reward std STD(x)")
            .WithYAxisStyle<double, double, string>(TitleText: "number of inputs");
    }

    /// <summary>Expected reward against reward std per input, with the largest possible std sqrt(1 - V^2) for
    /// rewards in [-1, 1] (reached by +-1 rewards).</summary>
    public static GenericChart ExpectedRewardVersusStd(RewardStdReport report)
    {
        var inputs = Chart.Point<double, double, string>(report.ExpectedReward, report.RewardStd, Name: "inputs");
        var v = Enumerable.Range(0, 201).Select(i => -1 + i / 100.0).ToArray();
        var envelope = Chart.Line<double, double, string>(v, v.Select(x => Math.Sqrt(Math.Max(0, 1 - x * x))), Name: "largest STD: √(1 − V²)");
        return Chart.Combine([inputs, envelope])
            .WithTitle($"Expected reward against reward std per input (step {report.Step})")
            .WithXAxisStyle<double, double, string>(TitleText: "expected reward V(x)")
            .WithYAxisStyle<double, double, string>(TitleText: "reward std STD(x)");
    }

    /// <summary>
    /// Per input vs per batch under RFT: the norms of the batch gradient and of the parts from the small-std and
    /// large-std inputs over time (top), and each group's mean expected reward (bottom).
    /// </summary>
    public static GenericChart BatchVersusInput(MixedBatchRun run)
    {
        var t = run.Times.Skip(1).ToArray();
        double[] Tail(double[] values) => values.Skip(1).ToArray();
        var norms = Chart.Combine([
                Chart.Line<double, double, string>(t, Tail(run.BatchGradientNorm), Name: "whole batch"),
                Chart.Line<double, double, string>(t, Tail(run.GradientNorm(run.LargeStdInputs)), Name: "large-std inputs' part"),
                Chart.Line<double, double, string>(t, Tail(run.GradientNorm(run.SmallStdInputs)), Name: "small-std inputs' part"),
            ])
            .WithXAxisStyle<double, double, string>(TitleText: "time t", AxisType: StyleParam.AxisType.Log)
            .WithYAxisStyle<double, double, string>(TitleText: "gradient norm ‖dθ/dt‖", AxisType: StyleParam.AxisType.Log);
        var rewards = Chart.Combine([
                Chart.Line<double, double, string>(t, Tail(run.MeanExpectedReward(run.LargeStdInputs)), Name: "mean V, large-std inputs"),
                Chart.Line<double, double, string>(t, Tail(run.MeanExpectedReward(run.SmallStdInputs)), Name: "mean V, small-std inputs"),
            ])
            .WithXAxisStyle<double, double, string>(TitleText: "time t", AxisType: StyleParam.AxisType.Log)
            .WithYAxisStyle<double, double, string>(TitleText: "mean expected reward V");
        return Chart.Grid([norms, rewards], 2, 1)
            .WithTitle("RFT on a mixed batch: the batch gradient is large, the small-std inputs get almost none and are left behind");
    }

    private static double[] LogGrid(double from, double to, int count) =>
        [.. Enumerable.Range(0, count).Select(i => from * Math.Pow(to / from, (double)i / (count - 1)))];
}
