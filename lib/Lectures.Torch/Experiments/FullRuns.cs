using System.Globalization;
using Lectures.Graphs;
using Lectures.Plotting;
using Lectures.Torch.Interactions;
using Lectures.Torch.Sparsification;

namespace Lectures.Torch.Experiments;

/// <summary>Where a quoted result came from: the full run that produced it.</summary>
/// <param name="Seeds">How many seeds were averaged.</param>
/// <param name="Date">The date of the run (yyyy-mm-dd).</param>
/// <param name="Commit">The commit that recorded the figures in benchmarks/RESULTS.md.</param>
/// <param name="Command">The command that runs the experiment.</param>
public sealed record FullRunSource(int Seeds, string Date, string Commit, string Command)
{
    /// <summary>"from the full run: 5 seeds, 2026-11-26, `command` (benchmarks/RESULTS.md, commit 94ffb8e)".</summary>
    public string Label => $"from the full run: {Seeds} seeds, {Date}, `{Command}` " +
                           $"(benchmarks/RESULTS.md, commit {(Commit.Length == 40 ? Commit[..7] : Commit)})";

    /// <summary>The label.</summary>
    public override string ToString() => Label;
}

/// <summary>A quoted accuracy-vs-edges-removed result: mean ± std test accuracy per method and level.</summary>
/// <param name="Model">"GCN", "GIN" or "ResGCN".</param>
/// <param name="Dataset">"cora" or "citation-like".</param>
/// <param name="Source">The run that produced it.</param>
/// <param name="Summary">One point per (method, level): X = % removed, Mean and StandardDeviation as fractions.</param>
public sealed record SparsificationFullRun(string Model, string Dataset, FullRunSource Source, IReadOnlyList<SeriesPoint> Summary)
{
    /// <summary>The chart of the summary, titled with the model and the source.</summary>
    public Plotly.NET.GenericChart Chart() => SparsificationExperimentCharts.AccuracyVsEdgesRemoved(Summary,
        $"{Model} on {Dataset}: test accuracy vs edges removed ({Source.Seeds} seeds, full run of {Source.Date})");
}

/// <summary>A quoted interaction result: test accuracy per model and walk-index placement.</summary>
/// <param name="Source">The run that produced it.</param>
/// <param name="Bars">One bar per (model, placement): Mean and StandardDeviation of the test accuracy as fractions.</param>
public sealed record InteractionFullRun(FullRunSource Source, IReadOnlyList<CategoryMean> Bars)
{
    /// <summary>The grouped bar chart, titled with the source.</summary>
    public Plotly.NET.GenericChart Chart() => InteractionExperimentCharts.AccuracyByPlacement(Bars,
        $"Low vs high walk-index placement ({Source.Seeds} seeds, full run of {Source.Date})");
}

/// <summary>
/// The shipped results of the full experiment runs, in benchmarks/results/ (the tables of benchmarks/RESULTS.md as
/// CSV, each row with the seeds, date, recording commit and command). Lectures chart them when the full run does
/// not fit a lecture's time budget.
/// </summary>
public static class FullRuns
{
    /// <summary>benchmarks/results under the repository root (found from the current directory, then the application's).</summary>
    public static string Directory =>
        new[] { System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory }
            .Select(Datasets.FindRepositoryRoot).FirstOrDefault(r => r is not null) is { } root
            ? Path.Combine(root, "benchmarks", "results")
            : throw new DirectoryNotFoundException(
                "benchmarks/results was not found: no folder holding Lectures.sln at or above the current directory.");

    /// <summary>
    /// The sparsification result of <paramref name="model"/> on <paramref name="dataset"/> from sparsification.csv
    /// (columns model, dataset, seeds, date, recorded_at_commit, command, method, removed_percent,
    /// test_accuracy_mean, test_accuracy_std).
    /// </summary>
    public static SparsificationFullRun Sparsification(string model, string dataset = "cora", string? path = null)
    {
        path ??= Path.Combine(Directory, "sparsification.csv");
        var rows = Read(path, SparsificationResults.SummaryHeader)
            .Where(r => r["model"] == model && r["dataset"] == dataset).ToList();
        if (rows.Count == 0)
            throw new ArgumentException($"{path} has no rows for model '{model}' on '{dataset}'.", nameof(model));
        return new SparsificationFullRun(model, dataset, SourceOf(rows[0]), rows.Select(r => new SeriesPoint(r["method"],
            Number(r, "removed_percent"), Number(r, "test_accuracy_mean"), Number(r, "test_accuracy_std"),
            int.Parse(r["seeds"], CultureInfo.InvariantCulture))).ToList());
    }

    /// <summary>
    /// The interaction result from interaction.csv (columns model, seeds, date, recorded_at_commit, command,
    /// placement, walk_index, test_accuracy_mean, test_accuracy_std, train_accuracy_mean).
    /// </summary>
    public static InteractionFullRun Interaction(string? path = null)
    {
        path ??= Path.Combine(Directory, "interaction.csv");
        var rows = Read(path, InteractionResults.SummaryHeader);
        if (rows.Count == 0) throw new InvalidDataException($"{path} has no rows.");
        return new InteractionFullRun(SourceOf(rows[0]), rows.Select(r => new CategoryMean(r["model"],
            $"{r["placement"]} walk index", Number(r, "test_accuracy_mean"), Number(r, "test_accuracy_std"),
            int.Parse(r["seeds"], CultureInfo.InvariantCulture),
            $"WI = {r["walk_index"]}, train {100 * Number(r, "train_accuracy_mean"):F1}%")).ToList());
    }

    private static FullRunSource SourceOf(IReadOnlyDictionary<string, string> row) =>
        new(int.Parse(row["seeds"], CultureInfo.InvariantCulture), row["date"], row["recorded_at_commit"], row["command"]);

    private static double Number(IReadOnlyDictionary<string, string> row, string column) =>
        double.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);

    // The summary.csv schema: the header must be the expected one; fields are quoted as Csv.Quote writes them.
    private static List<IReadOnlyDictionary<string, string>> Read(string path, string expectedHeader)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"The full-run results file {Path.GetFullPath(path)} does not exist.", path);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = lines.FirstOrDefault() ?? "";
        if (header != expectedHeader)
            throw new InvalidDataException($"{path} is malformed: the header is '{header}', expected '{expectedHeader}'.");
        var columns = expectedHeader.Split(',');
        return lines.Skip(1).Select((line, k) =>
        {
            string[] fields;
            try
            {
                fields = Csv.Split(line, columns.Length);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{path} is malformed: line {k + 2}: {e.Message}", e);
            }
            return (IReadOnlyDictionary<string, string>)columns.Zip(fields).ToDictionary(p => p.First, p => p.Second);
        }).ToList();
    }
}
