using System.Globalization;
using Lectures.Plotting;
using Lectures.Torch.Finetuning;
using Lectures.Torch.Interactions;
using Lectures.Torch.LanguageModel;
using Lectures.Torch.Sparsification;

namespace Lectures.Torch.Experiments;

/// <summary>
/// The shipped results of the full experiment runs, in benchmarks/results/ (the tables of benchmarks/RESULTS.md as
/// CSV, each row with the seeds, date, recording commit and command). Lectures chart them when the full run does
/// not fit a lecture's time budget.
/// </summary>
public static class FullRuns
{
    /// <summary>benchmarks/results under the repository root (found from the current directory, then the application's).</summary>
    public static string Directory =>
        KitRoot.Locate() is { } root
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

    /// <summary>
    /// The language-model result from language-model.csv (columns seeds, date, recorded_at_commit, command, task,
    /// quantity, value).
    /// </summary>
    public static LanguageModelFullRun LanguageModel(string? path = null)
    {
        path ??= Path.Combine(Directory, "language-model.csv");
        var rows = Read(path, LanguageModelResults.SummaryHeader);
        if (rows.Count == 0) throw new InvalidDataException($"{path} has no rows.");
        return new LanguageModelFullRun(SourceOf(rows[0]), rows.Select(r => (r["task"], r["quantity"], Number(r, "value"))).ToList());
    }

    /// <summary>
    /// The controlled finetuning result from finetuning.csv (columns seeds, date, recorded_at_commit, command, optimizer,
    /// task, method, quantity, value; <see cref="MethodOutcome.Quantities"/>).
    /// </summary>
    public static FinetuningFullRun Finetuning(string? path = null)
    {
        path ??= Path.Combine(Directory, "finetuning.csv");
        var rows = Read(path, MethodOutcome.SummaryHeader);
        if (rows.Count == 0) throw new InvalidDataException($"{path} has no rows.");
        return new FinetuningFullRun(SourceOf(rows[0]), MethodOutcome.FromRows(rows.Select(r =>
            (r["optimizer"], r["task"], r["method"], int.Parse(r["seeds"], CultureInfo.InvariantCulture), r["quantity"], Number(r, "value")))));
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
