using System.Globalization;
using System.Net;
using System.Text;
using Lectures.Finetuning;
using Lectures.Plotting;

namespace Lectures.Torch.Finetuning;

/// <summary>The tidy log of a controlled experiment, the runs that diverged, and the acceptance figures.</summary>
public sealed class ControlledExperimentResults
{
    /// <summary>Wraps the records of a finished experiment.</summary>
    public ControlledExperimentResults(IReadOnlyList<ControlledExperimentRecord> records, IReadOnlyList<RunLabel> diverged, ControlledExperimentOptions options)
    {
        Records = records;
        Diverged = diverged;
        Options = options;
        Findings = ControlledExperimentFindings.From(records, diverged, options);
    }

    /// <summary>One row per (run, logged step, group).</summary>
    public IReadOnlyList<ControlledExperimentRecord> Records { get; }

    /// <summary>Runs whose logits became non-finite (their log stops there).</summary>
    public IReadOnlyList<RunLabel> Diverged { get; }

    /// <summary>The settings the experiment ran with.</summary>
    public ControlledExperimentOptions Options { get; }

    /// <summary>The acceptance figures per (optimiser, task), averaged over seeds.</summary>
    public IReadOnlyList<ControlledExperimentFindings> Findings { get; }

    /// <summary>Writes <see cref="Records"/> as CSV (header row, invariant culture, round-trip doubles).</summary>
    public void WriteCsv(string path)
    {
        var csv = new StringBuilder("method,optimizer,task,seed,step,phase,group,mean_reward,accuracy,gradient_norm,mean_reward_std,reward_std_p10,small_std_fraction,stuck_fraction\n");
        foreach (var r in Records)
            csv.AppendLine(string.Join(",", Quote(r.Method), Quote(r.Optimizer), Quote(r.Task), r.Seed, r.Step, Quote(r.Phase), r.Group,
                D(r.MeanReward), D(r.Accuracy), D(r.GradientNorm), D(r.MeanRewardStd), D(r.RewardStdP10), D(r.SmallStdFraction), D(r.StuckFraction)));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, csv.ToString());
    }

    /// <summary>The findings as a Markdown section: one table per (optimiser, task).</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        foreach (var f in Findings)
        {
            md.AppendLine($"#### {f.Optimizer}, {f.Task} ({f.Steps} steps, mean of {Options.Seeds.Count} seeds)\n");
            md.AppendLine("| quantity | value |\n|---|---|");
            foreach (var (q, v) in f.Rows()) md.AppendLine($"| {q} | {v} |");
            md.AppendLine();
        }
        return md.ToString();
    }

    /// <summary>
    /// Writes report.html (findings tables and, per optimiser and task, reward curves per group, gradient
    /// norms, reward-std percentiles, small-std and stuck fractions and the heuristics' gaps) and records.csv into <paramref name="directory"/>.
    /// </summary>
    public void WriteReport(string directory, string plotlyScriptSrc = ChartHtml.LocalPlotly)
    {
        Directory.CreateDirectory(directory);
        WriteCsv(Path.Combine(directory, "records.csv"));
        var fragments = new List<string> { $"<p>{WebUtility.HtmlEncode(Describe(Options))}</p>" };
        string[] gradientMethods = { ControlledMethods.Rft, ControlledMethods.Sft };
        string[] fractionMethods = { ControlledMethods.Rft, ControlledMethods.SftThenRft, ControlledMethods.CheapSftThenRft };
        foreach (var f in Findings)
        {
            fragments.Add($"<h2>{WebUtility.HtmlEncode($"{f.Optimizer}, {f.Task}")}</h2><table>" +
                string.Concat(f.Rows().Select(r => $"<tr><td>{WebUtility.HtmlEncode(r.Quantity)}</td><td>{WebUtility.HtmlEncode(r.Value)}</td></tr>")) + "</table>");
            foreach (var group in new[] { FinetuningTrainer.SmallStdGroup, FinetuningTrainer.LargeStdGroup })
                fragments.Add(ChartHtml.Fragment(ControlledExperimentCharts.RewardCurves(Records, group, f.Optimizer, f.Task)));
            fragments.Add(ChartHtml.Fragment(ControlledExperimentCharts.GradientNormCurves(Records, gradientMethods, f.Optimizer, f.Task)));
            fragments.Add(ChartHtml.Fragment(ControlledExperimentCharts.RewardStdCurves(Records, FinetuningTrainer.SmallStdGroup, f.Optimizer, f.Task)));
            fragments.Add(ChartHtml.Fragment(ControlledExperimentCharts.SmallStdFractionCurves(Records, fractionMethods, f.Optimizer, f.Task)));
            fragments.Add(ChartHtml.Fragment(ControlledExperimentCharts.StuckFractionCurves(Records, fractionMethods, f.Optimizer, f.Task)));
            fragments.Add(ChartHtml.Fragment(ControlledExperimentCharts.GapClosedBars(f.Heuristics.Select(h => (h.Method, h.GapClosed)).ToList(), f.Optimizer, f.Task)));
        }
        File.WriteAllText(Path.Combine(directory, "report.html"), ChartHtml.Page("Controlled finetuning experiments", fragments, plotlyScriptSrc));
    }

    /// <summary>One sentence stating the setting: data, model, budget, optimisers, seeds.</summary>
    public static string Describe(ControlledExperimentOptions o) =>
        $"Data: {(o.Data is null ? "digits (embedded)" : $"{o.Data.Count} inputs of dimension {o.Data.Dimension}")}, {o.TrainCount} training inputs; " +
        $"MLP hidden {string.Join("-", o.HiddenSizes)}, {(o.SinglePrecision ? "float32" : "double precision")}; pretraining {o.PretrainSteps} Adam steps at lr {o.PretrainLearningRate:G3} on label sets of k = {o.LabelSetSize}; " +
        "inputs standardised (pixel mean and std of the training set); " +
        $"relabelled: {o.ModifiedFraction:P0} of the inputs (random inputs) or of the classes (whole classes); budget {o.Steps} full-batch steps (SFT phase {o.SftPhaseSteps}, 1% SFT phase {o.CheapSftSteps} at lr x{o.CheapSftLearningRateScale:G3} on a class-stratified {o.CheapSftFraction:P0} sample); " +
        $"optimisers {string.Join(", ", o.Optimizers.Select(x => x.Name))}; seeds {string.Join(", ", o.Seeds)}; small std means STD(x) < {o.SmallStdThreshold:G3}; " +
        "rewards and stds are of softmax(z) at temperature 1.";

    static string D(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
