using System.Text.Json;

namespace Lectures.Torch.Experiments;

/// <summary>
/// An experiment's per-run file: its name, its header (null for JSON lines), and how one run becomes its recorded lines
/// and back. The journal appends the lines as runs finish; a results type may write the whole file.
/// </summary>
/// <typeparam name="TRun">One run of the experiment.</typeparam>
/// <param name="FileName">E.g. "sparsification.csv" or "outcomes.jsonl".</param>
/// <param name="Header">The first line (the column names), or null.</param>
/// <param name="Record">The run as recorded: its lines (invariant culture, round-trip numbers) and one extra field.</param>
/// <param name="Read">The run recorded by <paramref name="Record"/>.</param>
public sealed record RunFile<TRun>(string FileName, string? Header, Func<TRun, RecordedRun> Record, Func<RecordedRun, TRun> Read) where TRun : class
{
    /// <summary>A CSV file of one line per run.</summary>
    public static RunFile<TRun> Csv(string fileName, string header, Func<TRun, string> row, Func<string, TRun> parse) =>
        new(fileName, header, run => new RecordedRun([row(run)], ""), recorded => parse(recorded.Rows[0]));

    /// <summary>A JSON-lines file of one line per run, serialised with <paramref name="json"/>.</summary>
    public static RunFile<TRun> Jsonl(string fileName, JsonSerializerOptions json) =>
        new(fileName, null, run => new RecordedRun([JsonSerializer.Serialize(run, json)], ""),
            recorded => JsonSerializer.Deserialize<TRun>(recorded.Rows[0], json)
                ?? throw new InvalidDataException($"A recorded run of {fileName} is null: \"{recorded.Rows[0]}\"."));

    /// <summary>Writes directory/FileName: the header, then the lines of every run; returns the path.</summary>
    public string Write(string directory, IEnumerable<TRun> runs)
    {
        var path = Path.Combine(directory, FileName);
        var lines = runs.SelectMany(r => Record(r).Rows);
        if (Header is null) ExperimentReport.WriteText(path, string.Concat(lines.Select(l => l + "\n")));
        else ExperimentReport.WriteCsv(path, Header, lines);
        return path;
    }

    /// <summary>Opens the journal of a grid of <paramref name="total"/> runs writing this file (see <see cref="RunJournal.Open"/>).</summary>
    public RunJournal Open(JournalSettings? journal, IReadOnlyList<(string Name, string Value)> settings, int total) =>
        RunJournal.Open(journal, FileName, Header, settings, total);

    /// <summary>The run <paramref name="key"/> recorded earlier, or null.</summary>
    public TRun? Recorded(RunJournal journal, string key) => journal.Recorded(key) is { } recorded ? Read(recorded) : null;

    /// <summary>
    /// The recorded run <paramref name="key"/> or else <paramref name="run"/>'s result, recorded; null when the run failed
    /// with a native error (the journal reports it at the end, naming <paramref name="label"/>).
    /// </summary>
    public TRun? Run(RunJournal journal, string key, string label, Func<TRun> run) =>
        journal.Run(key, label, () => Record(run())) is { } recorded ? Read(recorded) : null;
}
