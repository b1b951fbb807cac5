using Lectures.Torch.Experiments;
using System.Globalization;
using System.Net;
using System.Text;
using Lectures.Plotting;
using Lectures.Torch.Runtime;
using MathNet.Numerics.Statistics;
using Plotly.NET;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;

namespace Lectures.Torch.Sparsification;

/// <summary>
/// The tidy results of a sparsification experiment: one <see cref="SparsificationRun"/> per (method, level, seed),
/// with the summary (mean ± std over seeds), CSV and an HTML report.
/// </summary>
/// <param name="Dataset">What graph was used (one line).</param>
/// <param name="Options">The grid that was run.</param>
/// <param name="Runs">Every grid point.</param>
/// <param name="Elapsed">Wall time of the whole experiment.</param>
public sealed record SparsificationResults(string Dataset, SparsificationOptions Options, IReadOnlyList<SparsificationRun> Runs, TimeSpan Elapsed)
{
    /// <summary>Mean and sample std of the test accuracy over seeds, per method (series) and removal level (x, percent).</summary>
    public IReadOnlyList<SeriesPoint> Summary() =>
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
    public GenericChart Chart() => SparsificationExperimentCharts.AccuracyVsEdgesRemoved(Summary(),
        $"{GnnSpec.Name(Options.Model.Architecture)}: test accuracy vs edges removed ({Options.Seeds.Count} seeds)");

    /// <summary>
    /// Writes one CSV row per run: method, removed_percent, seed, edges_removed, edges_kept, test_accuracy,
    /// validation_accuracy, train_accuracy, best_epoch, epochs (invariant culture).
    /// </summary>
    public void WriteCsv(string path) => ExperimentReport.WriteCsv(path, CsvHeader, Runs.Select(CsvRow));

    /// <summary>The header of sparsification.csv.</summary>
    internal const string CsvHeader = "method,removed_percent,seed,edges_removed,edges_kept,test_accuracy,validation_accuracy,train_accuracy,best_epoch,epochs";

    /// <summary>One line of sparsification.csv.</summary>
    internal static string CsvRow(SparsificationRun r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Method},{r.RemovedPercent},{r.Seed},{r.EdgesRemoved},{r.EdgesKept},{r.Result.TestAccuracy:R},{r.Result.ValidationAccuracy:R},{r.Result.TrainAccuracy:R},{r.Result.BestEpoch},{r.Result.Epochs}");

    /// <summary>The run written by <see cref="CsvRow"/>.</summary>
    internal static SparsificationRun ParseCsvRow(string line)
    {
        var f = Csv.Split(line, 10);
        return new SparsificationRun(f[0], Csv.ParseNumber(f[1]), Csv.ParseInt(f[2]), Csv.ParseInt(f[3]), Csv.ParseInt(f[4]),
            new TrainingResult(Csv.ParseNumber(f[5]), Csv.ParseNumber(f[6]), Csv.ParseNumber(f[7]), Csv.ParseInt(f[8]), Csv.ParseInt(f[9])));
    }

    /// <summary>
    /// Writes sparsification.csv and sparsification.html (the chart, then a table of mean ± std per level and
    /// method) into <paramref name="directory"/>; returns the HTML path.
    /// </summary>
    public string WriteReport(string directory)
    {
        var summary = Summary();
        var methods = summary.Select(p => p.Series).Distinct().ToList();
        var table = new StringBuilder("<table border=\"1\" cellpadding=\"4\"><tr><th>edges removed (%)</th>");
        foreach (var m in methods) table.Append($"<th>{WebUtility.HtmlEncode(m)}</th>");
        table.Append("</tr>\n");
        foreach (var level in summary.Select(p => p.X).Distinct().Order())
        {
            table.Append(CultureInfo.InvariantCulture, $"<tr><td>{level}</td>");
            foreach (var m in methods)
                table.Append(summary.FirstOrDefault(p => p.Series == m && p.X == level) is { } p
                    ? string.Create(CultureInfo.InvariantCulture, $"<td>{100 * p.Mean:F1} ± {100 * p.StandardDeviation:F1}</td>")
                    : "<td></td>");
            table.Append("</tr>\n");
        }
        table.Append("</table>");
        var about = $"<p>{WebUtility.HtmlEncode(Dataset)}<br>Model: {WebUtility.HtmlEncode(Options.Model.ToString())}; training: " +
                    $"{WebUtility.HtmlEncode(Options.Training.ToString())}; seeds {string.Join(", ", Options.Seeds)} (paired: the same split and " +
                    $"initial weights for every method); {Runs.Count} runs in {Elapsed.TotalMinutes:F1} min.</p>";
        return ExperimentReport.WriteReport(directory, "sparsification", WriteCsv, $"Edge sparsification: {GnnSpec.Name(Options.Model.Architecture)}",
            [about, ChartHtml.Fragment(Chart()), "<h2>Test accuracy (%), mean ± std over seeds</h2>", table.ToString()]);
    }

    private int MethodRank(string method)
    {
        var k = Options.Methods.Select(m => m.Name()).ToList().IndexOf(method);
        return k < 0 ? int.MaxValue : k;
    }
}
