using System.Globalization;
using Lectures.Finetuning;
using Lectures.Torch.Experiments;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// Where one method ends in one (optimiser, task) cell, over <paramref name="Seeds"/> seeds: the mean and sample std over
/// seeds of the final mean reward V of the small-std (relabelled) group and of all training inputs, the mean and the
/// lowest over seeds of the small-std group's final accuracy, and the small-std group's mean reward at the end of the
/// first phase of a two-phase method (NaN for one phase). A diverged run counts with its last logged step.
/// </summary>
public sealed record MethodOutcome(string Optimizer, string Task, string Method, int Seeds,
    double SmallStdRewardMean, double SmallStdRewardStd, double AllRewardMean, double AllRewardStd,
    double SmallStdAccuracyMean, double SmallStdAccuracyMin, double SmallStdRewardAfterFirstPhase)
{
    /// <summary>The header of summary.csv (and of the shipped benchmarks/results/finetuning.csv): one row per quantity.</summary>
    public const string SummaryHeader = "seeds,date,recorded_at_commit,command,optimizer,task,method,quantity,value";

    /// <summary>The quantities of summary.csv, in the order of the record's numbers.</summary>
    public static IReadOnlyList<string> Quantities { get; } =
    [
        "small_std_final_reward_mean", "small_std_final_reward_std", "all_final_reward_mean", "all_final_reward_std",
        "small_std_final_accuracy_mean", "small_std_final_accuracy_min", "small_std_reward_after_first_phase_mean",
    ];

    IReadOnlyList<double> Values => [SmallStdRewardMean, SmallStdRewardStd, AllRewardMean, AllRewardStd,
        SmallStdAccuracyMean, SmallStdAccuracyMin, SmallStdRewardAfterFirstPhase];

    /// <summary>
    /// The outcome of every (optimiser, task, method) in <paramref name="records"/>, in their order; the first phase of a
    /// method named in <paramref name="methods"/> ends at its first phase's steps.
    /// </summary>
    public static IReadOnlyList<MethodOutcome> From(IReadOnlyList<FinetuningRecord> records, IReadOnlyList<FinetuningMethod> methods)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(methods);
        return records.GroupBy(r => (r.Optimizer, r.Task, r.Method)).Select(cell =>
        {
            var runs = cell.GroupBy(r => r.Seed).Select(run => run.ToList()).ToList();
            FinetuningRecord Final(List<FinetuningRecord> run, string group) => run.Last(r => r.Group == group);
            var small = Statistics.MeanAndStd(runs.Select(run => Final(run, FinetuningTrainer.SmallStdGroup).MeanReward).ToArray());
            var all = Statistics.MeanAndStd(runs.Select(run => Final(run, FinetuningTrainer.AllGroup).MeanReward).ToArray());
            var accuracy = runs.Select(run => Final(run, FinetuningTrainer.SmallStdGroup).Accuracy).ToArray();
            var phases = methods.FirstOrDefault(m => m.Name == cell.Key.Method)?.Phases;
            var afterFirst = phases is { Count: 2 }
                ? runs.Select(run => run.FirstOrDefault(r => r.Group == FinetuningTrainer.SmallStdGroup && r.Step == phases[0].Steps)?.MeanReward ?? double.NaN).Average()
                : double.NaN;
            return new MethodOutcome(cell.Key.Optimizer, cell.Key.Task, cell.Key.Method, runs.Count, small.Mean, small.StandardDeviation,
                all.Mean, all.StandardDeviation, accuracy.Average(), accuracy.Min(), afterFirst);
        }).ToList();
    }

    /// <summary>The rows of summary.csv: one per quantity (<see cref="Quantities"/>), with <paramref name="provenance"/>, round-trip numbers.</summary>
    public IEnumerable<string> CsvRows(RunProvenance provenance) =>
        Quantities.Zip(Values).Select(q => string.Join(",", Seeds.ToString(CultureInfo.InvariantCulture), provenance.CsvFields(),
            Csv.Quote(Optimizer), Csv.Quote(Task), Csv.Quote(Method), q.First, Csv.Number(q.Second)));

    /// <summary>
    /// The outcomes of summary.csv's rows, each given as its (optimiser, task, method, seeds, quantity, value); every
    /// quantity of <see cref="Quantities"/> must be there once.
    /// </summary>
    public static IReadOnlyList<MethodOutcome> FromRows(IEnumerable<(string Optimizer, string Task, string Method, int Seeds, string Quantity, double Value)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.GroupBy(r => (r.Optimizer, r.Task, r.Method, r.Seeds)).Select(cell =>
        {
            var values = Quantities.Select(q => cell.Where(r => r.Quantity == q).Select(r => r.Value).ToArray() is [var v] ? v
                : throw new InvalidDataException($"Method '{cell.Key.Method}' ({cell.Key.Optimizer}, {cell.Key.Task}) has {cell.Count(r => r.Quantity == q)} rows of '{q}': expected 1.")).ToArray();
            return new MethodOutcome(cell.Key.Optimizer, cell.Key.Task, cell.Key.Method, cell.Key.Seeds,
                values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
        }).ToList();
    }
}
