using Lectures.Plotting;
using Plotly.NET;
using Plotly.NET.CSharp;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Lectures.TextTasks;

/// <summary>Charts of the language-model findings: reward std under the pretrained model, per-input improvement
/// against initial reward std, and RFT's gain relative to SFT across tasks.</summary>
public static class LanguageModelCharts
{
    /// <summary>Finding I: per task, the fraction of training inputs with reward std below <paramref name="threshold"/>,
    /// and with small std and low reward, under the pretrained model.</summary>
    public static GenericChart SmallStdFractions(IReadOnlyList<string> tasks, IReadOnlyList<double> smallStd,
        IReadOnlyList<double> smallStdLowReward, double threshold, double lowReward) =>
        GroupedBars($"Finding I: inputs with small reward std under the pretrained model (STD < {threshold})", "task",
            "fraction of training inputs", tasks,
            [($"STD < {threshold}", smallStd), ($"STD < {threshold} and V < {lowReward}", smallStdLowReward)]);

    /// <summary>Per-input expected reward V against reward std STD (one series per task), each estimated from sampled outputs.</summary>
    public static GenericChart RewardVersusStd(string title, IEnumerable<Series> tasks) =>
        Charts.Points(title, "reward std STD(x) (10 samples)", "expected reward V(x) (10 samples)", tasks);

    /// <summary>Finding II: per-input improvement V_final - V_initial against the initial reward std (points), with
    /// the mean improvement in bins of the initial std (lines), for each finetuning method.</summary>
    public static GenericChart ImprovementVersusInitialStd(IEnumerable<Series> points, IEnumerable<Series> binnedMeans)
    {
        var traces = points.Select(s => s.Validated()).Select(s =>
                CSharpChart.Point<double, double, string>(s.X.ToArray(), s.Y.ToArray(), Name: s.Name, Opacity: 0.25))
            .Concat(binnedMeans.Select(s => s.Validated()).Select(s =>
                CSharpChart.Line<double, double, string>(s.X.ToArray(), s.Y.ToArray(), Name: s.Name, ShowMarkers: true)));
        return Charts.Styled(traces, "Finding II: RFT improves small-std inputs much less than SFT does",
            "initial reward std STD(x) under the pretrained model", "improvement V_final(x) − V_initial(x)");
    }

    /// <summary>Finding III: per task, RFT's test-reward gain relative to SFT's against the fraction of small-std inputs.</summary>
    public static GenericChart RelativeGainVersusSmallStd(IReadOnlyList<string> tasks, IReadOnlyList<double> fractionSmallStd,
        IReadOnlyList<double> relativeGain, double spearman)
    {
        if (tasks.Count != fractionSmallStd.Count || tasks.Count != relativeGain.Count)
            throw new ArgumentException($"Need one fraction and one gain per task; got {tasks.Count} tasks, {fractionSmallStd.Count} fractions, {relativeGain.Count} gains.");
        var trace = CSharpChart.Point<double, double, string>(fractionSmallStd, relativeGain, Name: "tasks", MultiText: tasks.ToArray(),
            TextPosition: StyleParam.TextPosition.TopCenter);
        return Charts.Styled([trace], $"Finding III: RFT does worse where small-std inputs are common (Spearman {spearman:0.00})",
            "fraction of training inputs with small reward std", "RFT gain / SFT gain (test reward)");
    }

    /// <summary>Per task, the fraction of small-std inputs and of small-std, low-reward inputs before and after an initial SFT phase.</summary>
    public static GenericChart SmallStdBeforeAfterSft(IReadOnlyList<string> tasks, IReadOnlyList<double> before, IReadOnlyList<double> after,
        IReadOnlyList<double> lowRewardBefore, IReadOnlyList<double> lowRewardAfter, int sftSteps) =>
        GroupedBars($"An initial SFT phase ({sftSteps} steps) removes small-std inputs with low reward", "task",
            "fraction of training inputs", tasks,
            [("small std, pretrained", before), ($"small std, after {sftSteps} SFT steps", after),
             ("small std and low V, pretrained", lowRewardBefore), ($"small std and low V, after {sftSteps} SFT steps", lowRewardAfter)]);

    /// <summary>Per task, the test reward of each finetuning run (and of the pretrained model).</summary>
    public static GenericChart TestRewardByRun(IReadOnlyList<string> tasks, IEnumerable<(string Run, IReadOnlyList<double> Rewards)> runs) =>
        GroupedBars("Test reward after finetuning", "task", "mean test reward (10 samples per input)", tasks, runs);

    /// <summary>A quantity measured on the training inputs during finetuning (one series per run) against the step.</summary>
    public static GenericChart DuringFinetuning(string task, string quantity, IEnumerable<Series> runs) =>
        Charts.Lines($"{task}: {quantity} during finetuning", "finetuning step", quantity, runs);

    /// <summary>Bars of each series over the categories, side by side.</summary>
    public static GenericChart GroupedBars(string title, string xTitle, string yTitle, IReadOnlyList<string> categories,
        IEnumerable<(string Name, IReadOnlyList<double> Values)> series)
    {
        var traces = series.Select(s => s.Values.Count == categories.Count
            ? CSharpChart.Column<double, string, string>(s.Values, Keys: categories.ToArray(), Name: s.Name)
            : throw new ArgumentException($"Series '{s.Name}' has {s.Values.Count} values for {categories.Count} categories."));
        return Charts.Styled(traces, title, xTitle, yTitle)
            .WithXAxisStyle<double, double, double>(TitleText: xTitle, AxisType: StyleParam.AxisType.Category);
    }
}
