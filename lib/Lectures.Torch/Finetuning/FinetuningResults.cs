using Lectures.Torch.Experiments;
using System.Globalization;
using System.Text;
using Lectures.Finetuning;
using Lectures.Plotting;
using Plotly.NET;

namespace Lectures.Torch.Finetuning;

/// <summary>The tidy log of a controlled experiment, the runs that diverged, and the acceptance figures.</summary>
public sealed class FinetuningResults : IExperimentResults
{
    /// <summary>Wraps the records of a finished experiment.</summary>
    public FinetuningResults(IReadOnlyList<FinetuningRecord> records, IReadOnlyList<RunLabel> diverged, FinetuningOptions options)
    {
        Records = records;
        Diverged = diverged;
        Options = options;
        Findings = FinetuningFindings.From(records, diverged, options);
        Outcomes = MethodOutcome.From(records, FinetuningMethods.For(options).All);
    }

    /// <summary>One row per (run, logged step, group).</summary>
    public IReadOnlyList<FinetuningRecord> Records { get; }

    /// <summary>Runs whose logits became non-finite (their log stops there).</summary>
    public IReadOnlyList<RunLabel> Diverged { get; }

    /// <summary>The settings the experiment ran with.</summary>
    public FinetuningOptions Options { get; }

    /// <summary>The acceptance figures per (optimiser, task), averaged over seeds.</summary>
    public IReadOnlyList<FinetuningFindings> Findings { get; }

    /// <summary>Where each method ends per (optimiser, task): final rewards and accuracy over seeds (summary.csv).</summary>
    public IReadOnlyList<MethodOutcome> Outcomes { get; }

    /// <summary>The file of outcomes per method, in the schema of benchmarks/results/finetuning.csv.</summary>
    public const string SummaryFileName = "summary.csv";

    /// <summary>
    /// records.csv: one row per (logged step, group) of every run (<see cref="CsvRow"/>), the step where the run diverged
    /// as the journal's extra field.
    /// </summary>
    internal static RunFile<FinetuningRun> RunFile { get; } = new("records.csv",
        "method,optimizer,task,seed,step,phase,group,mean_reward,accuracy,gradient_norm,mean_reward_std,reward_std_p10,small_std_fraction,stuck_fraction",
        run => new RecordedRun(run.Records.Select(CsvRow).ToArray(), run.DivergedAtStep?.ToString(CultureInfo.InvariantCulture) ?? ""),
        recorded => new FinetuningRun(recorded.Rows.Select(ParseCsvRow).ToArray(), recorded.Extra == "" ? null : Csv.ParseInt(recorded.Extra)));

    /// <summary>Runs of the results that earlier starts recorded, read from the journal by a resume (0 when all ran now).</summary>
    public int RecordedEarlier { get; init; }

    /// <summary>Wall time of this start of the experiment.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Where the run came from (date, commit, command); the command line sets it.</summary>
    public RunProvenance Provenance { get; init; } = RunProvenance.Unknown;

    /// <inheritdoc />
    public IExperimentResults WithProvenance(RunProvenance provenance) =>
        new FinetuningResults(Records, Diverged, Options) { RecordedEarlier = RecordedEarlier, Elapsed = Elapsed, Provenance = provenance };

    /// <inheritdoc />
    public RunTally Tally => new(Records.Select(r => (r.Method, r.Optimizer, r.Task, r.Seed)).Distinct().Count(), RecordedEarlier, Elapsed);

    /// <summary>The report's title.</summary>
    public string Title => "Controlled finetuning experiments";

    /// <summary>
    /// Writes <see cref="Records"/> as records.csv (header row, invariant culture, round-trip doubles) and
    /// <see cref="Outcomes"/> as summary.csv (one row per quantity, with <see cref="Provenance"/>) in <paramref name="directory"/>.
    /// </summary>
    public IReadOnlyList<string> WriteCsv(string directory)
    {
        var path = Path.Combine(directory, "records.csv");
        ExperimentReport.WriteCsv(path, RunFile.Header!, Records.Select(CsvRow));
        var summary = Path.Combine(directory, SummaryFileName);
        ExperimentReport.WriteCsv(summary, MethodOutcome.SummaryHeader, Outcomes.SelectMany(o => o.CsvRows(Provenance)));
        return [path, summary];
    }

    /// <summary>One line of records.csv.</summary>
    internal static string CsvRow(FinetuningRecord r) =>
        string.Join(",", Csv.Quote(r.Method), Csv.Quote(r.Optimizer), Csv.Quote(r.Task), r.Seed, r.Step, Csv.Quote(r.Phase), r.Group,
            Csv.Number(r.MeanReward), Csv.Number(r.Accuracy), Csv.Number(r.GradientNorm), Csv.Number(r.MeanRewardStd), Csv.Number(r.RewardStdP10),
            Csv.Number(r.SmallStdFraction), Csv.Number(r.StuckFraction));

    /// <summary>The record written by <see cref="CsvRow"/>.</summary>
    internal static FinetuningRecord ParseCsvRow(string line)
    {
        var f = Csv.Split(line, 14);
        return new FinetuningRecord(f[0], f[1], f[2], Csv.ParseInt(f[3]), Csv.ParseInt(f[4]), f[5], f[6],
            Csv.ParseNumber(f[7]), Csv.ParseNumber(f[8]), Csv.ParseNumber(f[9]), Csv.ParseNumber(f[10]), Csv.ParseNumber(f[11]),
            Csv.ParseNumber(f[12]), Csv.ParseNumber(f[13]));
    }

    /// <summary>The setting (<see cref="Describe"/>), then the findings: one Markdown table per (optimiser, task).</summary>
    public string Summary()
    {
        var md = new StringBuilder(Describe(Options)).Append("\n\n");
        foreach (var f in Findings)
        {
            md.AppendLine($"#### {f.Optimizer}, {f.Task} ({f.Steps} steps, mean of {Options.Grid.Seeds.Count} seeds)\n");
            md.AppendLine("| quantity | value |\n|---|---|");
            foreach (var (q, v) in f.Rows()) md.AppendLine($"| {q} | {v} |");
            md.AppendLine();
            AppendSweep(md, f.Optimizer, f.Task);
        }
        return md.ToString();
    }

    /// <summary>The sweep of SFT phases of one cell as a Markdown table: fraction x steps, final V of the small-std group and of all inputs.</summary>
    void AppendSweep(StringBuilder md, string optimizer, string task)
    {
        var methods = FinetuningMethods.For(Options);
        var small = methods.SweepPoints(Outcomes, optimizer, task, FinetuningTrainer.SmallStdGroup);
        var all = methods.SweepPoints(Outcomes, optimizer, task, FinetuningTrainer.AllGroup);
        // A cell without the sweep still has its last point, SFT then RFT: no sweep to show.
        if (small.Count < 2) return;
        md.AppendLine($"Sweep: SFT at the base rate on a uniform fraction for some steps, then RFT ({optimizer}, {task}; final V, mean ± std over seeds)\n");
        md.AppendLine("| labelled fraction | SFT steps | small-std V | all inputs V |\n|---|---|---|---|");
        foreach (var (s, a) in small.Zip(all))
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {100 * s.Fraction:G3}% | {s.SftSteps} | {s.Mean:F3} ± {s.StandardDeviation:F3} | {a.Mean:F3} ± {a.StandardDeviation:F3} |"));
        md.AppendLine();
    }

    /// <summary>
    /// Per optimiser and task: reward curves per group, gradient norms, reward-std percentiles, small-std and stuck
    /// fractions, and the heuristics' gaps.
    /// </summary>
    public IEnumerable<GenericChart> Charts()
    {
        var methods = FinetuningMethods.For(Options);
        string[] gradientMethods = [methods.Rft.Name, methods.Sft.Name];
        string[] fractionMethods = [methods.Rft.Name, methods.SftThenRft.Name, methods.CheapSftThenRft.Name];
        foreach (var f in Findings)
        {
            foreach (var group in new[] { FinetuningTrainer.SmallStdGroup, FinetuningTrainer.LargeStdGroup })
                yield return FinetuningExperimentCharts.RewardCurves(Records, group, f.Optimizer, f.Task);
            yield return FinetuningExperimentCharts.GradientNormCurves(Records, gradientMethods, f.Optimizer, f.Task);
            yield return FinetuningExperimentCharts.RewardStdCurves(Records, FinetuningTrainer.SmallStdGroup, f.Optimizer, f.Task);
            yield return FinetuningExperimentCharts.SmallStdFractionCurves(Records, fractionMethods, f.Optimizer, f.Task);
            yield return FinetuningExperimentCharts.StuckFractionCurves(Records, fractionMethods, f.Optimizer, f.Task);
            yield return FinetuningExperimentCharts.GapClosedBars(f.Heuristics.Select(h => (h.Method, h.GapClosed)).ToList(), f.Optimizer, f.Task);
            if (methods.SweepPoints(Outcomes, f.Optimizer, f.Task, FinetuningTrainer.SmallStdGroup) is { Count: > 1 } sweep)
                yield return FinetuningExperimentCharts.SweepCurves(sweep, FinetuningTrainer.SmallStdGroup, f.Optimizer, f.Task);
        }
    }

    /// <summary>One sentence stating the setting: data, model, budget, optimisers, seeds.</summary>
    public static string Describe(FinetuningOptions o) =>
        $"Data: {(o.Task.Data is null ? "digits (embedded)" : $"{o.Task.Data.Count} inputs of dimension {o.Task.Data.Dimension}")}, {o.Task.TrainCount} training inputs; " +
        $"MLP hidden {string.Join("-", o.HiddenSizes)}, {(o.SinglePrecision ? "float32" : "double precision")}; pretraining {o.Pretraining.Steps} Adam steps at lr {o.Pretraining.LearningRate:G3} on label sets of k = {o.Task.LabelSetSize}; " +
        "inputs standardised (pixel mean and std of the training set); " +
        $"relabelled: {o.Task.ModifiedFraction:P0} of the inputs (random inputs) or of the classes (whole classes); budget {o.Methods.Steps} full-batch steps (SFT phase {o.Methods.SftPhaseSteps}, cheap SFT phase {o.Methods.CheapSftSteps} at lr x{o.Methods.CheapSftLearningRateScale:G3} on a class-stratified {o.Methods.CheapSftFraction:P0} sample); " +
        (o.Methods.SweepFractions.Count * o.Methods.SweepStepShares.Count == 0 ? "" :
            $"sweep: SFT at the base rate on a uniformly random (seeded) {string.Join(" / ", o.Methods.SweepFractions.Select(f => $"{100 * f:G3}%"))} of the inputs for " +
            $"{string.Join(" / ", o.Methods.SweepStepShares.Select(x => $"{100 * x:G3}%"))} of the SFT phase's steps, then RFT; ") +
        $"optimisers {string.Join(", ", o.Grid.Optimizers.Select(x => x.Name))}; seeds {string.Join(", ", o.Grid.Seeds)}; small std means STD(x) < {o.SmallStdThreshold:G3}; " +
        "rewards and stds are of softmax(z) at temperature 1.";
}
