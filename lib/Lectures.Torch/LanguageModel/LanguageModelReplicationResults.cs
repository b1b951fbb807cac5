using System.Globalization;
using System.Text;
using Lectures.TextTasks;
using Lectures.Torch.Experiments;
using Plotly.NET;

namespace Lectures.Torch.LanguageModel;

/// <summary>The replication's (task, seed) runs, their means over seeds, the benefit recovered per step fraction, and its report.</summary>
public sealed record LanguageModelReplicationResults(LanguageModelReplicationOptions Options, IReadOnlyList<LanguageModelReplicationRun> Runs,
    TimeSpan Elapsed) : IExperimentResults
{
    /// <summary>The report's title.</summary>
    public string Title => "Replication: a cheap SFT phase on 1% of the inputs, then RFT";

    /// <summary>Runs read from the journal by a resume (0 when all ran now).</summary>
    public int RecordedEarlier { get; init; }

    /// <summary>Where the run came from (date, commit, command); the command line sets it.</summary>
    public RunProvenance Provenance { get; init; } = RunProvenance.Unknown;

    /// <inheritdoc />
    public IExperimentResults WithProvenance(RunProvenance provenance) => this with { Provenance = provenance };

    /// <inheritdoc />
    public RunTally Tally => new(Runs.Count, RecordedEarlier, Elapsed);

    /// <summary>The tasks, in the order they ran.</summary>
    public IReadOnlyList<string> Tasks => [.. Runs.Select(r => r.Task).Distinct()];

    /// <summary>The runs of <paramref name="task"/>, one per seed.</summary>
    public IReadOnlyList<LanguageModelReplicationRun> Of(string task) =>
        Runs.Where(r => r.Task == task).ToList() is { Count: > 0 } runs ? runs
            : throw new ArgumentException($"The replication has no runs of task '{task}'; it ran {string.Join(", ", Tasks)}.", nameof(task));

    /// <summary>The benefit recovered on <paramref name="task"/> by the cheap phase of step fraction number <paramref name="fraction"/> (index into the options' step fractions).</summary>
    public BenefitRecovered Benefit(string task, int fraction)
    {
        var runs = Of(task);
        return BenefitRecovered.Of([.. runs.Select(r => r.RftTestReward)], [.. runs.Select(r => r.FullSftThenRftTestReward)],
            [.. runs.Select(r => r.CheapSftThenRftTestReward[fraction])]);
    }

    /// <summary>Test rewards of the chart and the summary: (name, quantity stem, value per run).</summary>
    IReadOnlyList<(string Name, string Quantity, Func<LanguageModelReplicationRun, double> Value)> Rewards =>
    [
        ("pretrained", "pretrained", r => r.PretrainedTestReward),
        ("RFT", "rft", r => r.RftTestReward),
        ("full SFT then RFT", "full_sft_then_rft", r => r.FullSftThenRftTestReward),
        .. Options.CheapStepFractions.Select((x, c) => ($"1% SFT, {Percent(x)}% of the steps, then RFT", $"cheap_{Percent(x)}_sft_then_rft",
            (Func<LanguageModelReplicationRun, double>)(r => r.CheapSftThenRftTestReward[c]))),
    ];

    static string Percent(double fraction) => (100 * fraction).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The mean test reward of each method per task (over seeds).</summary>
    public IEnumerable<GenericChart> Charts()
    {
        yield return LanguageModelCharts.TestRewardByRun(Tasks,
            Rewards.Select(q => (q.Name, (IReadOnlyList<double>)[.. Tasks.Select(t => Of(t).Average(q.Value))])));
    }

    /// <summary>The setting, then per task: V (mean ± seed std) of each method, the benefit recovered per step fraction (— where the
    /// benefit of full SFT is not larger than twice its seed std) and the full phase's steps per seed.</summary>
    public string Summary()
    {
        var o = Options;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"Seeds [{string.Join(", ", o.Seeds)}]; {o.Tasks.TrainInputs} training and {o.Tasks.TestInputs} test inputs per task; ");
        md.Append(CultureInfo.InvariantCulture, $"cheap phase on {o.CheapInputs} inputs ({Percent(o.CheapInputFraction)}%); full SFT evaluated every {o.FullSft.Every} steps, ");
        md.Append(CultureInfo.InvariantCulture, $"stopped after {o.FullSft.Patience} evaluations without an improvement of more than {o.FullSft.MinImprovement} nats per token (at most {o.FullSft.MaxSteps} steps); ");
        md.Append(CultureInfo.InvariantCulture, $"RFT (PPO) {o.Finetuning.Steps} steps; batch {o.Finetuning.BatchSize}, lr {o.Finetuning.LearningRate} in every phase. Elapsed {Elapsed.TotalSeconds:F0} s.\n\n");
        md.Append("| task | ").Append(string.Join(" | ", Rewards.Select(q => q.Name))).Append(" | ")
            .Append(string.Join(" | ", o.CheapStepFractions.Select(x => $"benefit recovered, {Percent(x)}%"))).Append(" | full SFT steps per seed |\n");
        md.Append('|').Append(string.Concat(Enumerable.Repeat("---|", 2 + Rewards.Count + o.CheapStepFractions.Count))).Append('\n');
        foreach (var task in Tasks)
        {
            var runs = Of(task);
            md.Append(CultureInfo.InvariantCulture, $"| {task} | ");
            foreach (var q in Rewards)
            {
                var (mean, std) = Statistics.MeanAndStd([.. runs.Select(q.Value)]);
                md.Append(CultureInfo.InvariantCulture, $"{mean:F3} ± {std:F3} | ");
            }
            foreach (var c in Enumerable.Range(0, o.CheapStepFractions.Count)) md.Append(CultureInfo.InvariantCulture, $"{Benefit(task, c)} | ");
            md.Append(string.Join(", ", runs.Select(r => r.FullSftSteps))).Append(" |\n");
        }
        return md.ToString();
    }

    /// <summary>
    /// Writes runs.csv (one row per task and seed: the full phase's steps, the cheap phase's steps and every test reward) and
    /// summary.csv (in the schema of benchmarks/results/language-model.csv: per task, each test reward's mean and std over seeds,
    /// full_sft_steps_seed_S, full_sft_benefit_mean and _std (of V_full→RFT - V_RFT), and per step fraction P
    /// benefit_recovered_P_mean, _std and benefit_shown_P (1 or 0), each row with the number of seeds and <see cref="Provenance"/>).
    /// </summary>
    public IReadOnlyList<string> WriteCsv(string directory)
    {
        var runsPath = Path.Combine(directory, "runs.csv");
        ExperimentReport.WriteCsv(runsPath,
            "task,seed,full_sft_steps," + string.Join(',', Options.CheapStepFractions.Select(x => $"cheap_{Percent(x)}_sft_steps"))
            + "," + string.Join(',', Rewards.Select(q => q.Quantity + "_test_reward")),
            Runs.Select(r => string.Join(',', [Csv.Quote(r.Task), r.Seed.ToString(CultureInfo.InvariantCulture), r.FullSftSteps.ToString(CultureInfo.InvariantCulture),
                .. r.CheapSftSteps.Select(s => s.ToString(CultureInfo.InvariantCulture)), .. Rewards.Select(q => Csv.Number(q.Value(r)))])));
        var summaryPath = Path.Combine(directory, LanguageModelResults.SummaryFileName);
        ExperimentReport.WriteCsv(summaryPath, LanguageModelResults.SummaryHeader,
            Tasks.SelectMany(SummaryRows).Select(row => $"{Options.Seeds.Count},{Provenance.CsvFields()},{Csv.Quote(row.Task)},{row.Quantity},{Csv.Number(row.Value)}"));
        return [runsPath, summaryPath];
    }

    IEnumerable<(string Task, string Quantity, double Value)> SummaryRows(string task)
    {
        var runs = Of(task);
        foreach (var q in Rewards)
        {
            var (mean, std) = Statistics.MeanAndStd([.. runs.Select(q.Value)]);
            yield return (task, $"{q.Quantity}_test_reward_mean", mean);
            yield return (task, $"{q.Quantity}_test_reward_std", std);
        }
        foreach (var r in runs) yield return (task, $"full_sft_steps_seed_{r.Seed}", r.FullSftSteps);
        var full = Benefit(task, 0);
        yield return (task, "full_sft_benefit_mean", full.DenominatorMean);
        yield return (task, "full_sft_benefit_std", full.DenominatorStd);
        foreach (var (x, c) in Options.CheapStepFractions.Select((x, c) => (Percent(x), c)))
        {
            var b = Benefit(task, c);
            yield return (task, $"benefit_recovered_{x}_mean", b.Mean);
            yield return (task, $"benefit_recovered_{x}_std", b.Std);
            yield return (task, $"benefit_shown_{x}", b.Shown ? 1 : 0);
        }
    }
}
