using System.Globalization;
using System.Text;
using Lectures.Plotting;
using Lectures.Sparsification;
using Lectures.Torch.Experiments;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;
using Plotly.NET;

namespace Lectures.Torch.Sparsification;

/// <summary>
/// The tidy results of a sparsification experiment: one <see cref="SparsificationRun"/> per (method, level, seed),
/// with the means over seeds (mean ± std), the CSV files and the findings for the report.
/// </summary>
/// <param name="Dataset">What graph was used (one line).</param>
/// <param name="Options">The grid that was run.</param>
/// <param name="Runs">Every grid point.</param>
/// <param name="Elapsed">Wall time of this start of the experiment (the runs it ran; see <see cref="RecordedEarlier"/>).</param>
public sealed record SparsificationResults(string Dataset, SparsificationOptions Options, IReadOnlyList<SparsificationRun> Runs, TimeSpan Elapsed)
    : IExperimentResults
{
    /// <summary>Runs of <see cref="Runs"/> that earlier starts recorded, read from the journal by a resume (0 when all ran now).</summary>
    public int RecordedEarlier { get; init; }

    /// <summary>
    /// sparsification.csv: method, removed_percent, seed, edges_removed, edges_kept, test_accuracy, validation_accuracy,
    /// train_accuracy, best_epoch, epochs (invariant culture, round-trip numbers).
    /// </summary>
    internal static RunCsv<SparsificationRun> RunFile { get; } = new("sparsification.csv",
        "method,removed_percent,seed,edges_removed,edges_kept,test_accuracy,validation_accuracy,train_accuracy,best_epoch,epochs",
        r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Method},{r.RemovedPercent},{r.Seed},{r.EdgesRemoved},{r.EdgesKept},{r.Result.TestAccuracy:R},{r.Result.ValidationAccuracy:R},{r.Result.TrainAccuracy:R},{r.Result.BestEpoch},{r.Result.Epochs}"),
        line =>
        {
            var f = Csv.Split(line, 10);
            return new SparsificationRun(f[0], Csv.ParseNumber(f[1]), Csv.ParseInt(f[2]), Csv.ParseInt(f[3]), Csv.ParseInt(f[4]),
                new TrainingResult(Csv.ParseNumber(f[5]), Csv.ParseNumber(f[6]), Csv.ParseNumber(f[7]), Csv.ParseInt(f[8]), Csv.ParseInt(f[9])));
        });

    /// <summary>The file of mean results per method and level, in the schema of benchmarks/results/sparsification.csv.</summary>
    public const string SummaryFileName = "summary.csv";

    /// <summary>The header of summary.csv (and of the shipped benchmarks/results/sparsification.csv).</summary>
    public const string SummaryHeader =
        "model,dataset,seeds,date,recorded_at_commit,command,method,removed_percent,test_accuracy_mean,test_accuracy_std";

    /// <summary>Where the run came from (date, commit, command), written into summary.csv; the command line sets it.</summary>
    public RunProvenance Provenance { get; init; } = RunProvenance.Unknown;

    /// <inheritdoc />
    public string Title => $"Edge sparsification: {GnnSpec.Name(Options.Model.Architecture)}";

    /// <summary>Mean and sample std of the test accuracy over seeds, per method (series, in the options' order) and removal level (x, percent).</summary>
    public IReadOnlyList<SeriesPoint> MeansByLevel() =>
        Runs.GroupBy(r => (r.Method, r.RemovedPercent))
            .Select(g => SeedStatistics.Summarise(g.Key.Method, g.Key.RemovedPercent, g.Select(r => r.Result.TestAccuracy).ToArray()))
            .OrderBy(p => MethodRank(p.Series)).ThenBy(p => p.X).ToList();

    /// <summary>
    /// Mean over seeds of (accuracy of <paramref name="method"/> - accuracy of <paramref name="baseline"/>) at each
    /// level, in accuracy points (percent), with the sample std of the paired differences.
    /// </summary>
    public IReadOnlyList<SeriesPoint> PairedDifference(string method, string baseline)
    {
        var base_ = Runs.Where(r => r.Method == baseline).ToDictionary(r => (r.RemovedPercent, r.Seed), r => r.Result.TestAccuracy);
        return Runs.Where(r => r.Method == method && base_.ContainsKey((r.RemovedPercent, r.Seed)))
            .GroupBy(r => r.RemovedPercent)
            .Select(g => SeedStatistics.Summarise($"{method} - {baseline}", g.Key, g.Select(r => 100 * (r.Result.TestAccuracy - base_[(g.Key, r.Seed)])).ToArray()))
            .OrderBy(p => p.X).ToList();
    }

    /// <summary>The chart: test accuracy against edges removed, one line per method, mean ± std over seeds.</summary>
    public GenericChart Chart() => SparsificationExperimentCharts.AccuracyVsEdgesRemoved(MeansByLevel(),
        $"{GnnSpec.Name(Options.Model.Architecture)}: test accuracy vs edges removed ({Options.Seeds.Count} seeds)");

    /// <inheritdoc />
    public IEnumerable<GenericChart> Charts() => [Chart()];

    /// <summary>
    /// Writes sparsification.csv (one row per run) and summary.csv (one row per method and level: mean and sample std
    /// of the test accuracy over seeds, with the model, dataset and <see cref="Provenance"/>) into
    /// <paramref name="directory"/>; returns their paths.
    /// </summary>
    public IReadOnlyList<string> WriteCsv(string directory)
    {
        var summary = Path.Combine(directory, SummaryFileName);
        ExperimentReport.WriteCsv(summary, SummaryHeader, MeansByLevel().Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{GnnSpec.Name(Options.Model.Architecture)},{Csv.Quote(Options.Dataset)},{p.Count},{Provenance.CsvFields()},{p.Series},{p.X},{p.Mean:F4},{p.StandardDeviation:F4}")));
        return [RunFile.Write(directory, Runs), summary];
    }

    /// <inheritdoc />
    public string Summary()
    {
        var text = new StringBuilder(
            $"{Dataset}\n\nModel: {Options.Model}; training: {Options.Training}; seeds {string.Join(", ", Options.Seeds)} (paired: the same split " +
            $"and initial weights for every method); {new RunTally(Runs.Count, RecordedEarlier, Elapsed)}.\n\n" +
            "## Test accuracy (%), mean ± std over seeds\n\n");
        var means = MeansByLevel();
        text.Append(MeanTable.Markdown("edges removed (%)", means.OrderBy(p => p.X)
            .Select(p => (p.X.ToString(CultureInfo.InvariantCulture), p.Series, p.Mean, p.StandardDeviation, p.Count))));
        return text.ToString();
    }

    private int MethodRank(string method)
    {
        var k = Options.Methods.Select(m => m.Name()).ToList().IndexOf(method);
        return k < 0 ? int.MaxValue : k;
    }
}
