using System.Globalization;
using System.Text;
using Lectures.Plotting;
using Lectures.Torch.Experiments;
using Lectures.Torch.Gnn.Models;
using Plotly.NET;

namespace Lectures.Torch.Interactions;

/// <summary>The tidy results of the interaction experiment: one <see cref="InteractionRun"/> per (model, placement, seed).</summary>
/// <param name="Options">The setting that was run.</param>
/// <param name="Runs">Every run.</param>
/// <param name="Elapsed">Wall time of this start of the experiment (the runs it ran; see <see cref="RecordedEarlier"/>).</param>
public sealed record InteractionResults(InteractionOptions Options, IReadOnlyList<InteractionRun> Runs, TimeSpan Elapsed) : IExperimentResults
{
    /// <summary>Runs of <see cref="Runs"/> that earlier starts recorded, read from the journal by a resume (0 when all ran now).</summary>
    public int RecordedEarlier { get; init; }

    /// <summary>interaction.csv: model, placement, walk_index, seed, train_accuracy, validation_accuracy, test_accuracy, best_epoch, epochs.</summary>
    internal static RunCsv<InteractionRun> RunFile { get; } = new("interaction.csv",
        "model,placement,walk_index,seed,train_accuracy,validation_accuracy,test_accuracy,best_epoch,epochs",
        r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Model},{r.Placement},{r.WalkIndex},{r.Seed},{r.TrainAccuracy:R},{r.ValidationAccuracy:R},{r.TestAccuracy:R},{r.BestEpoch},{r.Epochs}"),
        line =>
        {
            var f = Csv.Split(line, 9);
            return new InteractionRun(f[0], Enum.Parse<ChunkPlacement>(f[1]), long.Parse(f[2], CultureInfo.InvariantCulture), Csv.ParseInt(f[3]),
                Csv.ParseNumber(f[4]), Csv.ParseNumber(f[5]), Csv.ParseNumber(f[6]), Csv.ParseInt(f[7]),
                Csv.ParseInt(f[8]));
        });

    /// <summary>The file of mean results per model and placement, in the schema of benchmarks/results/interaction.csv.</summary>
    public const string SummaryFileName = "summary.csv";

    /// <summary>The header of summary.csv (and of the shipped benchmarks/results/interaction.csv).</summary>
    public const string SummaryHeader = "model,seeds,date,recorded_at_commit,command,placement,walk_index,test_accuracy_mean,test_accuracy_std,train_accuracy_mean";

    /// <summary>Where the run came from (date, commit, command), written into summary.csv; the command line sets it.</summary>
    public RunProvenance Provenance { get; init; } = RunProvenance.Unknown;

    /// <inheritdoc />
    public string Title => "Interactions: accuracy by walk index of the image partition";

    /// <summary>
    /// Mean and sample std of the test accuracy per model (category, in the options' order) and placement (series,
    /// named with its walk index; low first), with the mean training accuracy as the note.
    /// </summary>
    public IReadOnlyList<CategoryMean> MeansByPlacement() =>
        Groups().Select(g =>
        {
            var p = SeedStatistics.Summarise(PlacementName(g.Placement, g.WalkIndex), 0, g.Runs.Select(r => r.TestAccuracy).ToArray());
            return new CategoryMean(g.Model, p.Series, p.Mean, p.StandardDeviation, p.Count,
                string.Create(CultureInfo.InvariantCulture, $"(train {100 * g.Runs.Average(r => r.TrainAccuracy):F1}%)"));
        }).ToList();

    /// <summary>Per model: high minus low placement, mean test accuracy, with the standard error of the difference.</summary>
    public IReadOnlyList<InteractionComparison> Comparisons() =>
        Runs.GroupBy(r => r.Model).Where(g => g.Select(r => r.Placement).Distinct().Count() == 2).Select(g =>
        {
            var low = g.Where(r => r.Placement == ChunkPlacement.LowWalkIndex).ToList();
            var high = g.Where(r => r.Placement == ChunkPlacement.HighWalkIndex).ToList();
            var sl = Statistics.MeanAndStd(low.Select(r => r.TestAccuracy).ToArray());
            var sh = Statistics.MeanAndStd(high.Select(r => r.TestAccuracy).ToArray());
            var se = Math.Sqrt(sh.StandardDeviation * sh.StandardDeviation / high.Count + sl.StandardDeviation * sl.StandardDeviation / low.Count);
            return new InteractionComparison(g.Key, low[0].WalkIndex, high[0].WalkIndex, sl.Mean, sh.Mean, se);
        }).ToList();

    /// <summary>The chart: mean test accuracy per model, low and high walk-index placement side by side.</summary>
    public GenericChart Chart() => InteractionExperimentCharts.AccuracyByPlacement(MeansByPlacement(),
        $"Same-digit pairs on two 16-cliques: test accuracy by chunk placement ({Options.Seeds.Count} seeds, depth {Options.Depth})");

    /// <inheritdoc />
    public IEnumerable<GenericChart> Charts() => [Chart()];

    /// <summary>
    /// Writes interaction.csv (one row per run, round-trip numbers) and summary.csv (one row per model and placement:
    /// mean and sample std of the test accuracy and the mean training accuracy over seeds, with <see cref="Provenance"/>)
    /// into <paramref name="directory"/>; returns their paths.
    /// </summary>
    public IReadOnlyList<string> WriteCsv(string directory)
    {
        var summary = Path.Combine(directory, SummaryFileName);
        ExperimentReport.WriteCsv(summary, SummaryHeader, Groups().Select(g =>
        {
            var test = Statistics.MeanAndStd(g.Runs.Select(r => r.TestAccuracy).ToArray());
            return string.Create(CultureInfo.InvariantCulture,
                $"{g.Model},{g.Runs.Count},{Provenance.CsvFields()},{(g.Placement == ChunkPlacement.LowWalkIndex ? "low" : "high")},{g.WalkIndex}," +
                $"{test.Mean:F4},{test.StandardDeviation:F4},{g.Runs.Average(r => r.TrainAccuracy):F3}");
        }));
        return [RunFile.Write(directory, Runs), summary];
    }

    /// <inheritdoc />
    public string Summary()
    {
        var o = Options;
        var text = new StringBuilder(
            $"Pairs of UCI digits, label 1 when both show the same digit; 16 chunks of 4 pixels per image, one per vertex of two " +
            $"16-cliques joined by one edge. Models {string.Join(", ", o.Models.Select(m => GnnSpec.Name(m.Architecture)))} of depth {o.Depth}, " +
            $"width {o.Models[0].Hidden}, mean pooling, one logit; {o.TrainPairs}/{o.ValidationPairs}/{o.TestPairs} train/validation/test pairs; " +
            $"Adam lr {o.Training.LearningRate.ToString(CultureInfo.InvariantCulture)}, batch {o.BatchSize}, at most {o.Training.MaxEpochs} epochs, " +
            $"patience {o.Training.Patience}; seeds {string.Join(", ", o.Seeds)}; {new RunTally(Runs.Count, RecordedEarlier, Elapsed)}.\n\n" +
            "## Test accuracy (%), mean ± std over seeds\n\n");
        text.Append(MeanTable.Markdown("model", MeansByPlacement().Select(m => (m.Category, m.Series, m.Mean, m.StandardDeviation, m.Count))));
        text.Append("\n## High vs low walk index\n\n| model | low WI | high WI | high − low (points) | in standard errors |\n|---|---|---|---|---|\n");
        foreach (var c in Comparisons())
            text.Append(CultureInfo.InvariantCulture,
                $"| {c.Model} | {c.LowWalkIndex} | {c.HighWalkIndex} | {100 * c.Difference:F1} ± {100 * c.StandardError:F1} | {c.StandardErrors:F1} |\n");
        return text.ToString();
    }

    /// <summary>"low walk index (WI = 548)" or "high walk index (WI = 8258)".</summary>
    public static string PlacementName(ChunkPlacement placement, long walkIndex) =>
        $"{(placement == ChunkPlacement.LowWalkIndex ? "low" : "high")} walk index (WI = {walkIndex})";

    /// <summary>The runs per model (in the options' order) and placement (low first).</summary>
    IEnumerable<(string Model, ChunkPlacement Placement, long WalkIndex, IReadOnlyList<InteractionRun> Runs)> Groups() =>
        Runs.GroupBy(r => (r.Model, r.Placement, r.WalkIndex))
            .OrderBy(g => Options.Models.Select(m => GnnSpec.Name(m.Architecture)).ToList().IndexOf(g.Key.Model)).ThenBy(g => g.Key.Placement)
            .Select(g => (g.Key.Model, g.Key.Placement, g.Key.WalkIndex, (IReadOnlyList<InteractionRun>)g.ToList()));
}
