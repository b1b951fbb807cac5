using System.Globalization;
using System.Text;
using Lectures.Plotting;
using Lectures.TextTasks;
using Lectures.Torch.Experiments;
using Plotly.NET;

namespace Lectures.Torch.LanguageModel;

/// <summary>The experiment's report: its CSV files (tasks.csv, inputs.csv, curves.csv), its charts and its findings.</summary>
public sealed partial record LanguageModelResults : IExperimentResults
{
    /// <summary>The report's title.</summary>
    public string Title => "Reward std in a small language model";

    /// <summary>Tasks of <see cref="LanguageModelResults.Tasks"/> that earlier starts recorded, read from the journal by a resume (0 when all ran now).</summary>
    public int RecordedEarlier { get; init; }

    /// <summary>Where the run came from (date, commit, command); the command line sets it.</summary>
    public RunProvenance Provenance { get; init; } = RunProvenance.Unknown;

    /// <inheritdoc />
    public IExperimentResults WithProvenance(RunProvenance provenance) => this with { Provenance = provenance };

    /// <inheritdoc />
    public RunTally Tally => new(Tasks.Count, RecordedEarlier, Elapsed);

    /// <summary>The report's charts: findings I, II, III, the SFT phase, test rewards, and reward / small-std curves per task.</summary>
    public IEnumerable<GenericChart> Charts()
    {
        var tasks = Tasks.Select(t => t.Task).ToArray();
        yield return LanguageModelCharts.SmallStdFractions(tasks, Tasks.Select(t => t.FractionSmallStd).ToArray(),
            Tasks.Select(t => t.FractionSmallStdLowReward).ToArray(), Options.Probe.StdThreshold, Options.Probe.LowReward);
        yield return LanguageModelCharts.RewardVersusStd("Pretrained model: expected reward against reward std per training input",
            Tasks.Select(t => new Series(t.Task, t.InitialRewardStd, t.InitialReward)));
        string[] compared = [Names.Rft, Names.Sft];
        yield return LanguageModelCharts.ImprovementVersusInitialStd(
            compared.Select(run => new Series($"{run}: inputs", Tasks.SelectMany(t => t.InitialRewardStd).ToArray(),
                Tasks.SelectMany(t => t.Improvement(run)).ToArray())),
            compared.Select(run =>
            {
                var bins = ImprovementByInitialStd(run).Where(b => b.Count > 0).ToArray();
                return new Series($"{run}: binned mean", bins.Select(b => (b.Lower + Math.Min(b.Upper, 0.5)) / 2).ToArray(), bins.Select(b => b.Mean).ToArray());
            }));
        yield return LanguageModelCharts.RelativeGainVersusSmallStd(tasks, Tasks.Select(t => t.FractionSmallStd).ToArray(),
            Tasks.Select(t => t.RftGainRelativeToSft).ToArray(), SpearmanSmallStdVersusRelativeGain);
        yield return LanguageModelCharts.SmallStdBeforeAfterSft(tasks, Tasks.Select(t => t.FractionSmallStd).ToArray(),
            Tasks.Select(t => t.FractionSmallStdAfterSftPhase).ToArray(), Tasks.Select(t => t.FractionSmallStdLowReward).ToArray(),
            Tasks.Select(t => t.FractionSmallStdLowRewardAfterSftPhase).ToArray(), Options.Methods.InitialSftSteps);
        yield return LanguageModelCharts.TestRewardByRun(tasks,
            [("pretrained", Tasks.Select(t => t.InitialTestReward).ToArray()),
             .. RunsMade.Select(run => (run, (IReadOnlyList<double>)Tasks.Select(t => t.Runs[run].TestReward).ToArray()))]);
        foreach (var task in Tasks)
        {
            yield return LanguageModelCharts.DuringFinetuning(task.Task, "mean reward on training inputs",
                task.Runs.Values.Select(r => new Series(r.Name, r.Curve.Select(p => (double)p.Step).ToArray(), r.Curve.Select(p => p.MeanReward).ToArray())));
            yield return LanguageModelCharts.DuringFinetuning(task.Task, "fraction of inputs with small reward std",
                task.Runs.Values.Select(r => new Series(r.Name, r.Curve.Select(p => (double)p.Step).ToArray(), r.Curve.Select(p => p.FractionSmallStd).ToArray())));
        }
    }

    /// <summary>The setting and the findings in numbers, as Markdown: a table per task and the binned improvements of finding II.</summary>
    public string Summary()
    {
        var o = Options;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"Character GRU with {ParameterCount:N0} parameters; seed {o.Seed}; {o.Tasks.TrainInputs} training and {o.Tasks.TestInputs} test inputs per task; ");
        md.Append(CultureInfo.InvariantCulture, $"{o.Finetuning.Steps} finetuning steps of {o.Finetuning.BatchSize} inputs ({o.Finetuning.SamplesPerInput} samples each for RFT); reward std from {o.Probe.Samples} samples; ");
        md.Append(CultureInfo.InvariantCulture, $"small std: STD < {o.Probe.StdThreshold}; low reward: V < {o.Probe.LowReward}. Elapsed {Elapsed.TotalSeconds:F0} s.\n\n");
        md.Append("| task | unfamiliar | small std | small std, low V | small std after SFT phase | small std, low V after SFT phase | ");
        md.Append(string.Concat(RunsMade.Select(run => $"{run} | ")));
        md.Append("pretrained | RFT gain / SFT gain | cheap-SFT recovery of gain | cheap-SFT recovery of benefit over RFT |\n");
        md.Append('|').Append(string.Concat(Enumerable.Repeat("---|", 10 + RunsMade.Count))).Append('\n');
        foreach (var t in Tasks)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {t.Task} | {t.UnfamiliarFraction:F2} | {t.FractionSmallStd:F2} | {t.FractionSmallStdLowReward:F2} | {t.FractionSmallStdAfterSftPhase:F2} | {t.FractionSmallStdLowRewardAfterSftPhase:F2} | ");
            foreach (var run in t.Runs.Values) md.Append(CultureInfo.InvariantCulture, $"{run.TestReward:F3} | ");
            md.Append(CultureInfo.InvariantCulture, $"{t.InitialTestReward:F3} | {t.RftGainRelativeToSft:F2} | {t.CheapSftRecovery:F2} | {t.CheapSftBenefitRecovery:F2} |\n");
        }
        md.Append("\nFinding II, mean improvement V_final - V_initial of the training inputs by initial STD:\n\n");
        md.Append("| initial STD | inputs | RFT (PPO) | SFT | RFT / SFT |\n|---|---|---|---|---|\n");
        foreach (var (rft, sft) in ImprovementByInitialStd(Names.Rft).Zip(ImprovementByInitialStd(Names.Sft)))
            md.Append(CultureInfo.InvariantCulture, $"| [{rft.Lower:F2}, {rft.Upper:F2}) | {rft.Count} | {rft.Mean:F3} | {sft.Mean:F3} | {rft.Mean / sft.Mean:F2} |\n");
        md.Append(CultureInfo.InvariantCulture, $"\nSpearman (fraction small std, RFT gain / SFT gain) = {SpearmanSmallStdVersusRelativeGain:F2}; ");
        md.Append(CultureInfo.InvariantCulture, $"with small std and low reward: {SpearmanSmallStdLowRewardVersusRelativeGain:F2}.\n");
        return md.ToString();
    }

    /// <summary>The file of the findings with their provenance, in the schema of benchmarks/results/language-model.csv.</summary>
    public const string SummaryFileName = "summary.csv";

    /// <summary>The header of summary.csv (and of the shipped benchmarks/results/language-model.csv): one row per quantity.</summary>
    public const string SummaryHeader = "seeds,date,recorded_at_commit,command,task,quantity,value";

    /// <summary>The task name of the rows of summary.csv that pool every task (finding II's bins).</summary>
    public const string AllTasks = "all";

    /// <summary>
    /// Writes tasks.csv (the findings per task), inputs.csv (V and STD per training input), curves.csv (the probes
    /// during each run) and summary.csv (every column of tasks.csv as a (task, quantity, value) row, then per bin k of
    /// finding II, task "all": inputs_bin_k, rft_improvement_bin_k, sft_improvement_bin_k, each row with
    /// <see cref="Provenance"/>) into <paramref name="directory"/>.
    /// </summary>
    public IReadOnlyList<string> WriteCsv(string directory)
    {
        var runs = RunsMade;
        var tasks = Path.Combine(directory, "tasks.csv");
        var columns = Tasks.Select(TaskColumns).ToArray();
        ExperimentReport.WriteCsv(tasks, "task," + string.Join(',', columns[0].Select(c => c.Name)),
            Tasks.Zip(columns, (t, c) => Row([t.Task, .. c.Select(q => (object)q.Value)])));
        var inputs = Path.Combine(directory, "inputs.csv");
        ExperimentReport.WriteCsv(inputs, "task,input,initial_reward,initial_reward_std," + string.Join(',', runs.Select(r => JournalMigrations.Column(Names, r) + "_final_reward")),
            Tasks.SelectMany(t => t.Inputs.Select((input, i) =>
                Row([t.Task, input, t.InitialReward[i], t.InitialRewardStd[i], .. runs.Select(r => (object)t.Runs[r].FinalReward[i])]))));
        var curves = Path.Combine(directory, "curves.csv");
        ExperimentReport.WriteCsv(curves, "task,run,step,phase,mean_reward,mean_reward_std,fraction_small_std,fraction_small_std_low_reward",
            Tasks.SelectMany(t => t.Runs.Values.SelectMany(run => run.Curve.Select(p =>
                Row([t.Task, run.Name, p.Step, p.Phase, p.MeanReward, p.MeanRewardStd, p.FractionSmallStd, p.FractionSmallStdLowReward])))));
        var summary = Path.Combine(directory, SummaryFileName);
        var bins = ImprovementByInitialStd(Names.Rft).Zip(ImprovementByInitialStd(Names.Sft)).SelectMany((b, k) => new (string, double)[]
            { ($"inputs_bin_{k}", b.First.Count), ($"rft_improvement_bin_{k}", b.First.Mean), ($"sft_improvement_bin_{k}", b.Second.Mean) });
        ExperimentReport.WriteCsv(summary, SummaryHeader,
            Tasks.Zip(columns, (t, c) => c.Select(q => (t.Task, q.Name, q.Value))).SelectMany(rows => rows)
                .Concat(bins.Select(q => (AllTasks, q.Item1, q.Item2)))
                .Select(r => $"1,{Provenance.CsvFields()},{Row([r.Item1, r.Item2, r.Item3])}"));
        return [tasks, inputs, curves, summary];
    }

    /// <summary>The columns of tasks.csv after the task's name: (column name, value).</summary>
    IReadOnlyList<(string Name, double Value)> TaskColumns(LanguageModelRun t) =>
    [
        ("unfamiliar_fraction", t.UnfamiliarFraction), ("fraction_small_std", t.FractionSmallStd),
        ("fraction_small_std_low_reward", t.FractionSmallStdLowReward), ("fraction_small_std_after_sft_phase", t.FractionSmallStdAfterSftPhase),
        ("fraction_small_std_low_reward_after_sft_phase", t.FractionSmallStdLowRewardAfterSftPhase), ("pretrained_test_reward", t.InitialTestReward),
        .. RunsMade.Select(r => (JournalMigrations.Column(Names, r) + "_test_reward", t.Runs[r].TestReward)),
        ("rft_gain_relative_to_sft", t.RftGainRelativeToSft), ($"{JournalMigrations.CheapSftColumn}_recovery", t.CheapSftRecovery),
        ($"{JournalMigrations.CheapSftColumn}_benefit_recovery", t.CheapSftBenefitRecovery),
    ];

    /// <summary>The runs' names, in the order they ran (those of the first task).</summary>
    IReadOnlyList<string> RunsMade => Tasks[0].Runs.Keys.ToArray();

    /// <summary>The runs' names by role.</summary>
    LanguageModelRunNames Names => Tasks[0].RunNames;

    static string Row(IEnumerable<object> values) => string.Join(',', values.Select(v => v switch
    {
        double d => Csv.Number(d),
        string s => Csv.Quote(s),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    }));
}
