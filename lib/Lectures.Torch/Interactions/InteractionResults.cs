using Lectures.Torch.Experiments;
using System.Globalization;
using System.Net;
using System.Text;
using Lectures.Plotting;
using Lectures.Torch.Runtime;
using Plotly.NET;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;

namespace Lectures.Torch.Interactions;

/// <summary>The tidy results of the interaction experiment: one <see cref="InteractionRun"/> per (model, placement, seed).</summary>
/// <param name="Options">The setting that was run.</param>
/// <param name="Runs">Every run.</param>
/// <param name="Elapsed">Wall time of the whole experiment.</param>
public sealed record InteractionResults(InteractionOptions Options, IReadOnlyList<InteractionRun> Runs, TimeSpan Elapsed)
{
    /// <summary>Mean and sample std of the test accuracy per model (category) and placement (series, named with its walk index).</summary>
    public IReadOnlyList<CategoryMean> Summary() =>
        Runs.GroupBy(r => (r.Model, r.Placement, r.WalkIndex)).Select(g =>
        {
            var p = SeedStatistics.Summarise(PlacementName(g.Key.Placement, g.Key.WalkIndex), 0, g.Select(r => r.TestAccuracy).ToArray());
            var train = g.Average(r => r.TrainAccuracy);
            return new CategoryMean(g.Key.Model, p.Series, p.Mean, p.StandardDeviation, p.Count,
                string.Create(CultureInfo.InvariantCulture, $"(train {100 * train:F1}%)"));
        }).ToList();

    /// <summary>Per model: high minus low placement, mean test accuracy, with the standard error of the difference.</summary>
    public IReadOnlyList<InteractionComparison> Comparisons() =>
        Runs.GroupBy(r => r.Model).Where(g => g.Select(r => r.Placement).Distinct().Count() == 2).Select(g =>
        {
            var low = g.Where(r => r.Placement == ChunkPlacement.LowWalkIndex).ToList();
            var high = g.Where(r => r.Placement == ChunkPlacement.HighWalkIndex).ToList();
            var sl = SeedStatistics.Summarise("", 0, low.Select(r => r.TestAccuracy).ToArray());
            var sh = SeedStatistics.Summarise("", 0, high.Select(r => r.TestAccuracy).ToArray());
            var se = Math.Sqrt(sh.StandardDeviation * sh.StandardDeviation / sh.Count + sl.StandardDeviation * sl.StandardDeviation / sl.Count);
            return new InteractionComparison(g.Key, low[0].WalkIndex, high[0].WalkIndex, sl.Mean, sh.Mean, se);
        }).ToList();

    /// <summary>The chart: mean test accuracy per model, low and high walk-index placement side by side.</summary>
    public GenericChart Chart() => InteractionExperimentCharts.AccuracyByPlacement(Summary(),
        $"Same-digit pairs on two 16-cliques: test accuracy by chunk placement ({Options.Seeds.Count} seeds, depth {Options.Depth})");

    /// <summary>
    /// Writes one CSV row per run: model, placement, walk_index, seed, train_accuracy, validation_accuracy,
    /// test_accuracy, best_epoch, epochs (invariant culture).
    /// </summary>
    public void WriteCsv(string path) => ExperimentReport.WriteCsv(path, CsvHeader, Runs.Select(CsvRow));

    /// <summary>The header of interaction.csv.</summary>
    internal const string CsvHeader = "model,placement,walk_index,seed,train_accuracy,validation_accuracy,test_accuracy,best_epoch,epochs";

    /// <summary>One line of interaction.csv.</summary>
    internal static string CsvRow(InteractionRun r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Model},{r.Placement},{r.WalkIndex},{r.Seed},{r.TrainAccuracy:R},{r.ValidationAccuracy:R},{r.TestAccuracy:R},{r.BestEpoch},{r.Epochs}");

    /// <summary>The run written by <see cref="CsvRow"/>.</summary>
    internal static InteractionRun ParseCsvRow(string line)
    {
        var f = Csv.Split(line, 9);
        return new InteractionRun(f[0], Enum.Parse<ChunkPlacement>(f[1]), long.Parse(f[2], CultureInfo.InvariantCulture), Csv.ParseInt(f[3]),
            Csv.ParseNumber(f[4]), Csv.ParseNumber(f[5]), Csv.ParseNumber(f[6]), Csv.ParseInt(f[7]), Csv.ParseInt(f[8]));
    }

    /// <summary>Writes interaction.csv and interaction.html (chart, then the comparison table) into the directory; returns the HTML path.</summary>
    public string WriteReport(string directory)
    {
        var table = new StringBuilder("<table border=\"1\" cellpadding=\"4\"><tr><th>model</th><th>low WI</th><th>test acc. (%)</th>" +
                                      "<th>high WI</th><th>test acc. (%)</th><th>high - low (points)</th><th>in standard errors</th></tr>\n");
        foreach (var c in Comparisons())
            table.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{WebUtility.HtmlEncode(c.Model)}</td><td>{c.LowWalkIndex}</td><td>{100 * c.LowMean:F1}</td><td>{c.HighWalkIndex}</td>" +
                $"<td>{100 * c.HighMean:F1}</td><td>{100 * c.Difference:F1} ± {100 * c.StandardError:F1}</td><td>{c.StandardErrors:F1}</td></tr>\n");
        table.Append("</table>");
        var o = Options;
        var about = $"<p>Pairs of UCI digits, label 1 when both show the same digit; 16 chunks of 4 pixels per image, one per vertex of two " +
                    $"16-cliques joined by one edge. Models of depth {o.Depth}, width {o.Hidden}, mean pooling, one logit; {o.TrainPairs}/" +
                    $"{o.ValidationPairs}/{o.TestPairs} train/validation/test pairs; Adam lr {o.LearningRate}, batch {o.BatchSize}, at most " +
                    $"{o.MaxEpochs} epochs, patience {o.Patience}; seeds {string.Join(", ", o.Seeds)}; {Runs.Count} runs in {Elapsed.TotalMinutes:F1} min.</p>";
        return ExperimentReport.WriteReport(directory, "interaction", WriteCsv, "Interactions: accuracy by walk index of the image partition",
            [about, ChartHtml.Fragment(Chart()), "<h2>High vs low walk index (test accuracy, mean over seeds)</h2>", table.ToString()]);
    }

    /// <summary>"low walk index (WI = 548)" or "high walk index (WI = 8258)".</summary>
    public static string PlacementName(ChunkPlacement placement, long walkIndex) =>
        $"{(placement == ChunkPlacement.LowWalkIndex ? "low" : "high")} walk index (WI = {walkIndex})";
}
