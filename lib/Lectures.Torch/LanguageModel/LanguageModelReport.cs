using System.Globalization;
using System.Net;
using System.Text;
using Lectures.Plotting;
using Plotly.NET;

namespace Lectures.Torch.LanguageModel;

/// <summary>Writes the experiment's CSV files (tasks.csv, inputs.csv, curves.csv) and report.html with its charts.</summary>
public static class LanguageModelReport
{
    /// <summary>Writes every file of <paramref name="result"/> into <paramref name="directory"/>.</summary>
    public static void Write(LanguageModelExperimentResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "tasks.csv"), TasksCsv(result));
        File.WriteAllText(Path.Combine(directory, "inputs.csv"), InputsCsv(result));
        File.WriteAllText(Path.Combine(directory, "curves.csv"), CurvesCsv(result));
        File.WriteAllText(Path.Combine(directory, "report.html"),
            ChartHtml.Page("Reward std in a small language model", [Summary(result), .. Charts(result).Select(ChartHtml.Fragment)], ChartHtml.LocalPlotly));
    }

    /// <summary>The report's charts: findings I, II, III, the SFT phase, test rewards, and reward / small-std curves per task.</summary>
    public static IEnumerable<GenericChart> Charts(LanguageModelExperimentResult result)
    {
        var tasks = result.Tasks.Select(t => t.Task).ToArray();
        var options = result.Options;
        yield return LanguageModelCharts.SmallStdFractions(tasks, result.Tasks.Select(t => t.FractionSmallStd).ToArray(),
            result.Tasks.Select(t => t.FractionSmallStdLowReward).ToArray(), options.StdThreshold, options.LowReward);
        yield return LanguageModelCharts.RewardVersusStd("Pretrained model: expected reward against reward std per training input",
            result.Tasks.Select(t => new Series(t.Task, t.InitialRewardStd, t.InitialReward)));
        string[] compared = [LanguageModelExperiment.Rft, LanguageModelExperiment.Sft];
        yield return LanguageModelCharts.ImprovementVersusInitialStd(
            compared.Select(run => new Series($"{run}: inputs", result.Tasks.SelectMany(t => t.InitialRewardStd).ToArray(),
                result.Tasks.SelectMany(t => t.Runs[run].FinalReward.Select((v, i) => v - t.InitialReward[i])).ToArray())),
            compared.Select(run =>
            {
                var bins = result.ImprovementByInitialStd(run).Where(b => b.Count > 0).ToArray();
                return new Series($"{run}: binned mean", bins.Select(b => (b.Lower + Math.Min(b.Upper, 0.5)) / 2).ToArray(), bins.Select(b => b.Mean).ToArray());
            }));
        yield return LanguageModelCharts.RelativeGainVersusSmallStd(tasks, result.Tasks.Select(t => t.FractionSmallStd).ToArray(),
            result.Tasks.Select(t => t.RftGainRelativeToSft).ToArray(), result.SpearmanSmallStdVersusRelativeGain);
        yield return LanguageModelCharts.SmallStdBeforeAfterSft(tasks, result.Tasks.Select(t => t.FractionSmallStd).ToArray(),
            result.Tasks.Select(t => t.FractionSmallStdAfterSftPhase).ToArray(), result.Tasks.Select(t => t.FractionSmallStdLowReward).ToArray(),
            result.Tasks.Select(t => t.FractionSmallStdLowRewardAfterSftPhase).ToArray(), options.InitialSftSteps);
        var runs = result.Tasks[0].Runs.Keys.ToArray();
        yield return LanguageModelCharts.TestRewardByRun(tasks,
            [("pretrained", result.Tasks.Select(t => t.InitialTestReward).ToArray()),
             .. runs.Select(run => (run, (IReadOnlyList<double>)result.Tasks.Select(t => t.Runs[run].TestReward).ToArray()))]);
        foreach (var task in result.Tasks)
        {
            yield return LanguageModelCharts.DuringFinetuning(task.Task, "mean reward on training inputs",
                task.Runs.Values.Select(r => new Series(r.Name, r.Curve.Select(p => (double)p.Step).ToArray(), r.Curve.Select(p => p.MeanReward).ToArray())));
            yield return LanguageModelCharts.DuringFinetuning(task.Task, "fraction of inputs with small reward std",
                task.Runs.Values.Select(r => new Series(r.Name, r.Curve.Select(p => (double)p.Step).ToArray(), r.Curve.Select(p => p.FractionSmallStd).ToArray())));
        }
    }

    /// <summary>The findings in numbers, as an HTML fragment.</summary>
    public static string Summary(LanguageModelExperimentResult result)
    {
        var o = result.Options;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"<p>Character GRU with {result.ParameterCount:N0} parameters; seed {o.Seed}; {o.TrainInputs} training and {o.TestInputs} test inputs per task; ");
        text.Append(CultureInfo.InvariantCulture, $"{o.FinetuningSteps} finetuning steps of {o.BatchSize} inputs ({o.SamplesPerInput} samples each for RFT); reward std from {o.ProbeSamples} samples; ");
        text.Append(CultureInfo.InvariantCulture, $"small std: STD &lt; {o.StdThreshold}; low reward: V &lt; {o.LowReward}. Elapsed {result.Elapsed.TotalSeconds:F0} s.</p>");
        text.Append("<table><tr><th>task</th><th>unfamiliar</th><th>small std</th><th>small std, low V</th><th>small std after SFT phase</th><th>small std, low V after SFT phase</th>");
        foreach (var run in result.Tasks[0].Runs.Keys) text.Append(CultureInfo.InvariantCulture, $"<th>{WebUtility.HtmlEncode(run)}</th>");
        text.Append("<th>pretrained</th><th>RFT gain / SFT gain</th><th>small-SFT recovery of gain</th><th>small-SFT recovery of benefit over RFT</th></tr>");
        foreach (var t in result.Tasks)
        {
            text.Append(CultureInfo.InvariantCulture, $"<tr><td>{t.Task}</td><td>{t.UnfamiliarFraction:F2}</td><td>{t.FractionSmallStd:F2}</td><td>{t.FractionSmallStdLowReward:F2}</td><td>{t.FractionSmallStdAfterSftPhase:F2}</td><td>{t.FractionSmallStdLowRewardAfterSftPhase:F2}</td>");
            foreach (var run in t.Runs.Values) text.Append(CultureInfo.InvariantCulture, $"<td>{run.TestReward:F3}</td>");
            text.Append(CultureInfo.InvariantCulture, $"<td>{t.InitialTestReward:F3}</td><td>{t.RftGainRelativeToSft:F2}</td><td>{t.CheapSftRecovery:F2}</td><td>{t.CheapSftBenefitRecovery:F2}</td></tr>");
        }
        text.Append("</table>");
        text.Append("<p>Finding II, mean improvement V_final - V_initial of the training inputs by initial STD:</p><table><tr><th>initial STD</th><th>inputs</th><th>RFT (PPO)</th><th>SFT</th><th>RFT / SFT</th></tr>");
        foreach (var (rft, sft) in result.ImprovementByInitialStd(LanguageModelExperiment.Rft).Zip(result.ImprovementByInitialStd(LanguageModelExperiment.Sft)))
            text.Append(CultureInfo.InvariantCulture, $"<tr><td>[{rft.Lower:F2}, {rft.Upper:F2})</td><td>{rft.Count}</td><td>{rft.Mean:F3}</td><td>{sft.Mean:F3}</td><td>{rft.Mean / sft.Mean:F2}</td></tr>");
        text.Append("</table>");
        text.Append(CultureInfo.InvariantCulture, $"<p>Spearman (fraction small std, RFT gain / SFT gain) = {result.SpearmanSmallStdVersusRelativeGain:F2}; ");
        text.Append(CultureInfo.InvariantCulture, $"with small std and low reward: {result.SpearmanSmallStdLowRewardVersusRelativeGain:F2}.</p>");
        return text.ToString();
    }

    static string TasksCsv(LanguageModelExperimentResult result)
    {
        var runs = result.Tasks[0].Runs.Keys.ToArray();
        var csv = new StringBuilder("task,unfamiliar_fraction,fraction_small_std,fraction_small_std_low_reward,fraction_small_std_after_sft_phase,fraction_small_std_low_reward_after_sft_phase,pretrained_test_reward,");
        csv.AppendLine(string.Join(',', runs.Select(r => Column(r) + "_test_reward")) + ",rft_gain_relative_to_sft,small_sft_recovery,small_sft_benefit_recovery");
        foreach (var t in result.Tasks)
            csv.AppendLine(Row([t.Task, t.UnfamiliarFraction, t.FractionSmallStd, t.FractionSmallStdLowReward, t.FractionSmallStdAfterSftPhase,
                t.FractionSmallStdLowRewardAfterSftPhase, t.InitialTestReward, .. runs.Select(r => (object)t.Runs[r].TestReward), t.RftGainRelativeToSft, t.CheapSftRecovery, t.CheapSftBenefitRecovery]));
        return csv.ToString();
    }

    static string InputsCsv(LanguageModelExperimentResult result)
    {
        var runs = result.Tasks[0].Runs.Keys.ToArray();
        var csv = new StringBuilder("task,input,initial_reward,initial_reward_std,");
        csv.AppendLine(string.Join(',', runs.Select(r => Column(r) + "_final_reward")));
        foreach (var t in result.Tasks)
            for (var i = 0; i < t.Inputs.Length; i++)
                csv.AppendLine(Row([t.Task, t.Inputs[i], t.InitialReward[i], t.InitialRewardStd[i], .. runs.Select(r => (object)t.Runs[r].FinalReward[i])]));
        return csv.ToString();
    }

    static string CurvesCsv(LanguageModelExperimentResult result)
    {
        var csv = new StringBuilder("task,run,step,phase,mean_reward,mean_reward_std,fraction_small_std,fraction_small_std_low_reward\n");
        foreach (var t in result.Tasks)
            foreach (var run in t.Runs.Values)
                foreach (var p in run.Curve)
                    csv.AppendLine(Row([t.Task, run.Name, p.Step, p.Phase, p.MeanReward, p.MeanRewardStd, p.FractionSmallStd, p.FractionSmallStdLowReward]));
        return csv.ToString();
    }

    static string Column(string run) => new(run.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());

    static string Row(IEnumerable<object> values) => string.Join(',', values.Select(v => v switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => s.Contains(',') || s.Contains('"') ? $"\"{s.Replace("\"", "\"\"")}\"" : s,
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    }));
}
