using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Lectures.Torch.Experiments;

/// <summary>Where a long experiment keeps its finished runs, whether it continues an earlier start, and when it stops.</summary>
/// <param name="Directory">The output directory: the experiment's result file (e.g. records.csv) gets each finished run's rows as the run completes; beside it, a .runs file (records.runs) keeps the settings and the finished runs.</param>
/// <param name="Resume">Continue the runs recorded in <paramref name="Directory"/> (recorded with the same settings) instead of starting afresh.</param>
/// <param name="Cancellation">When cancelled, the experiment stops after the run in progress (<see cref="ExperimentIncompleteException"/>).</param>
/// <param name="Shard">Run only this shard's share of the grid (null: every run); <see cref="RunJournal.Merge"/> joins the shards' directories.</param>
public sealed record JournalSettings(string Directory, bool Resume = false, CancellationToken Cancellation = default, Shard? Shard = null);

/// <summary>One finished run as recorded: its CSV rows and one extra field (e.g. the step where it diverged, or "").</summary>
public sealed record RecordedRun(IReadOnlyList<string> Rows, string Extra);

/// <summary>
/// The experiment did not finish every run: it was stopped (Ctrl+C) or some runs failed with a native error. The finished
/// runs are on disk in <see cref="Directory"/> (when there is one); resuming runs the rest.
/// </summary>
public sealed class ExperimentIncompleteException(string message, string? directory, int finished, int total, IReadOnlyList<string> failures)
    : Exception(message)
{
    /// <summary>The journal's directory, null for an experiment kept in memory.</summary>
    public string? Directory { get; } = directory;

    /// <summary>Runs finished (recorded earlier or now).</summary>
    public int Finished { get; } = finished;

    /// <summary>Runs in the whole experiment.</summary>
    public int Total { get; } = total;

    /// <summary>"label: message" per failed run.</summary>
    public IReadOnlyList<string> Failures { get; } = failures;
}

/// <summary>
/// The record of a long experiment's finished runs. Each run's rows are appended to the result file (e.g. records.csv)
/// and then the run is listed in the .runs file beside it (records.runs), both flushed to disk as the run completes, so
/// a killed, crashed or interrupted experiment loses at most the run in progress. The .runs file starts with the
/// experiment's settings; resuming checks them against the
/// current settings and refuses, naming the differences, when they differ. Rows of a run that was not listed (cut off
/// by a kill) are dropped on resume. Without a directory the journal keeps the runs in memory only.
/// <para>
/// Runs finish in the order the experiment asks for them (its grid order), except a run that failed and was rerun by a
/// resume, which finishes last. The results, and so the report's rewrite of the result file, list the runs in grid
/// order; so <see cref="Complete"/> puts the file's rows in grid order too: it lists that order in the .runs file
/// (an "order" line with the SHA-256 of the reordered file), then replaces the file. A resume reads the rows in the
/// listed order when the experiment completed or the file is the reordered one, and in the order the runs finished
/// otherwise (a kill between the two steps). An experiment whose runs all finished in grid order is not rewritten.
/// </para>
/// </summary>
public sealed partial class RunJournal
{
    const string SettingTag = "setting";
    const string RunTag = "run";
    const string CompleteTag = "complete";
    const string OrderTag = "order";
    const string ShardTag = "shard";

    readonly string? csvPath;
    readonly string? runsPath;
    readonly Dictionary<string, RecordedRun> recorded = new();
    readonly List<string> fileOrder = new();
    readonly List<string> asked = new();
    readonly HashSet<string> askedKeys = new();
    readonly List<string> failures = new();
    readonly CancellationToken cancellation;
    readonly string? header;
    readonly Shard? shard;
    readonly (int Start, int End) share;
    bool complete;

    RunJournal(string? directory, string fileName, string? header, int total, CancellationToken cancellation, Shard? shard = null)
    {
        if (total < 1) throw new ArgumentException($"An experiment of {total} runs is empty: expected at least one run.", nameof(total));
        share = shard?.Range(total) ?? (0, total);
        if (share.End == share.Start)
            throw new ArgumentException($"Shard {shard} of a grid of {total} runs has no runs: expected at most {total} shards.", nameof(shard));
        Directory = directory;
        Total = share.End - share.Start;
        this.shard = shard;
        this.header = header;
        this.cancellation = cancellation;
        if (directory is null) return;
        csvPath = Path.Combine(directory, fileName);
        runsPath = Path.ChangeExtension(csvPath, ".runs");
    }

    /// <summary>The directory of the files, null when kept in memory.</summary>
    public string? Directory { get; }

    /// <summary>Runs in the whole experiment (in its shard's share when sharded).</summary>
    public int Total { get; }

    /// <summary>Whether the run at <paramref name="gridIndex"/> (0-based, in grid order) is in this journal's share of the grid.</summary>
    public bool Includes(int gridIndex) => gridIndex >= share.Start && gridIndex < share.End;

    /// <summary>Runs recorded so far (earlier starts included).</summary>
    public int Count => recorded.Count;

    /// <summary>Runs read from the directory when resuming, recorded by earlier starts (0 for a fresh start).</summary>
    public int RecordedEarlier { get; private set; }

    /// <summary>A journal of <paramref name="total"/> runs kept in memory only (no resume), stopping when <paramref name="cancellation"/> is cancelled.</summary>
    public static RunJournal InMemory(int total, CancellationToken cancellation = default) => new(null, "", null, total, cancellation);

    /// <summary>
    /// Opens the journal of an experiment of <paramref name="total"/> runs: <paramref name="fileName"/> (first line
    /// <paramref name="header"/>, if any) and the .runs file beside it in
    /// journal.Directory; null keeps the runs in memory. Resuming reads the recorded runs (their settings must equal
    /// <paramref name="settings"/>); otherwise the files are started afresh, which is refused when they hold the
    /// finished runs of an unfinished experiment (they would be lost).
    /// </summary>
    public static RunJournal Open(JournalSettings? journal, string fileName, string? header, IReadOnlyList<(string Name, string Value)> settings, int total)
    {
        if (journal is null) return InMemory(total);
        ArgumentException.ThrowIfNullOrWhiteSpace(journal.Directory);
        var opened = new RunJournal(Path.GetFullPath(journal.Directory), fileName, header, total, journal.Cancellation, journal.Shard);
        if (journal.Resume && File.Exists(opened.runsPath)) opened.Resume(settings);
        else opened.Start(settings, journal.Resume);
        return opened;
    }

    /// <summary>
    /// The recorded run <paramref name="key"/>, or null when it has not finished yet. A run found here counts as asked
    /// for, in the order <see cref="Complete"/> gives the result file (as <see cref="Run"/> does).
    /// </summary>
    public RecordedRun? Recorded(string key)
    {
        if (!recorded.TryGetValue(key, out var run)) return null;
        Ask(key);
        return run;
    }

    /// <summary>True when run <paramref name="key"/> is recorded (unlike <see cref="Recorded"/>, it does not count as asking for it).</summary>
    public bool IsRecorded(string key) => recorded.ContainsKey(key);

    void Ask(string key)
    {
        if (askedKeys.Add(key)) asked.Add(key);
    }

    /// <summary>
    /// The recorded run <paramref name="key"/>, or else <paramref name="run"/>'s result, recorded. Refuses to start a run
    /// once cancelled; a native (TorchSharp) error in the run is kept with <paramref name="label"/> and gives null, and
    /// <see cref="Complete"/> then reports it.
    /// </summary>
    public RecordedRun? Run(string key, string label, Func<RecordedRun> run)
    {
        Ask(key);
        if (Recorded(key) is { } done) return done;
        if (cancellation.IsCancellationRequested)
            throw Incomplete($"Stopped after {Count} finished runs");
        RecordedRun result;
        try
        {
            result = run();
        }
        catch (ExternalException e)
        {
            failures.Add($"{label}: {e.Message.Split('\n')[0].Trim()}");
            return null;
        }
        Record(key, result);
        return result;
    }

    /// <summary>Appends the run's rows to NAME.csv, then lists the run in NAME.runs (each flushed to disk).</summary>
    public void Record(string key, RecordedRun run)
    {
        if (key.IndexOfAny(['\t', '\n', '\r']) >= 0 || run.Extra.IndexOfAny(['\t', '\n', '\r']) >= 0)
            throw new ArgumentException($"Run key '{key}' and extra '{run.Extra}' must not contain tabs or line breaks.", nameof(key));
        if (!recorded.TryAdd(key, run))
            throw new ArgumentException($"Run '{key}' is already recorded.", nameof(key));
        fileOrder.Add(key);
        if (csvPath is null || runsPath is null) return;
        Append(csvPath, string.Concat(run.Rows.Select(r => r + "\n")));
        Append(runsPath, $"{RunTag}\t{key}\t{run.Rows.Count}\t{run.Extra}\n");
    }

    /// <summary>
    /// Marks the experiment finished once all <see cref="Total"/> runs are recorded, first putting the result file's
    /// rows in the order the experiment asked for the runs (<see cref="Run"/>, or <see cref="Recorded"/> finding one) when
    /// they finished in another order; throws
    /// <see cref="ExperimentIncompleteException"/> naming the failed runs otherwise.
    /// </summary>
    public void Complete()
    {
        if (failures.Count > 0)
            throw Incomplete($"{failures.Count} of {Total} runs failed:\n  {string.Join("\n  ", failures)}\n{Count} runs finished");
        if (Count != Total)
            throw new InvalidOperationException($"Only {Count} of {Total} runs are recorded.");
        if (runsPath is not null && !complete)
        {
            if (asked.Count == Count && !asked.SequenceEqual(fileOrder)) Reorder(asked);
            Append(runsPath, CompleteTag + "\n");
        }
        complete = true;
    }

    /// <summary>Lists <paramref name="order"/> in the .runs file, then replaces the result file by its rows in that order.</summary>
    void Reorder(IReadOnlyList<string> order)
    {
        var text = (header is null ? "" : header + "\n") + string.Concat(order.SelectMany(k => recorded[k].Rows).Select(r => r + "\n"));
        Append(runsPath!, $"{OrderTag}\t{Sha256(text)}\t{string.Join('\t', order)}\n");
        WriteAtomically(csvPath!, text);
        fileOrder.Clear();
        fileOrder.AddRange(order);
    }

    static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    ExperimentIncompleteException Incomplete(string what) =>
        new($"{what}{(Directory is null ? "." : $"; they are kept in {Directory}.")}", Directory, Count, Total, failures.ToList());

    void Start(IReadOnlyList<(string Name, string Value)> settings, bool resume)
    {
        if (!resume && File.Exists(runsPath))
        {
            var earlier = File.ReadAllLines(runsPath);
            if (!earlier.Contains(CompleteTag))
                throw new InvalidOperationException(
                    $"{Directory} holds {earlier.Count(l => l.StartsWith(RunTag + "\t", StringComparison.Ordinal))} finished runs of an unfinished experiment " +
                    $"({runsPath}). Continue them with --resume, or choose another output directory to start afresh.");
        }
        if (resume && File.Exists(csvPath))
            throw new InvalidOperationException($"Cannot resume: {csvPath} exists but {runsPath} does not say which runs finished.");
        System.IO.Directory.CreateDirectory(Directory!);
        WriteAtomically(csvPath!, header is null ? "" : header + "\n");
        WriteAtomically(runsPath!, $"# Settings and finished runs of {Path.GetFileName(csvPath)}; `--resume` continues them.\n" +
            string.Concat(settings.Select(s => $"{SettingTag}\t{s.Name}\t{OneLine(s.Value)}\n")) + (shard is null ? "" : $"{ShardTag}\t{shard}\n"));
    }

    void Resume(IReadOnlyList<(string Name, string Value)> settings)
    {
        var lines = File.ReadAllLines(runsPath!);
        var fields = lines.Select(l => l.Split('\t')).ToList();
        var recordedSettings = fields.Where(f => f[0] == SettingTag && f.Length == 3).ToDictionary(f => f[1], f => f[2]);
        var differences = settings.Select(s => (s.Name, Now: OneLine(s.Value), Then: recordedSettings.GetValueOrDefault(s.Name)))
            .Where(d => d.Then != d.Now).Select(d => $"{d.Name}: {d.Then ?? "(not recorded)"} recorded, {d.Now} now")
            .Concat(recordedSettings.Keys.Except(settings.Select(s => s.Name)).Select(n => $"{n}: recorded, not a setting now")).ToList();
        var recordedShard = fields.FirstOrDefault(f => f[0] == ShardTag && f.Length == 2)?[1];
        if (recordedShard != shard?.ToString())
            differences.Add($"shard: {recordedShard ?? "(the whole grid)"} recorded, {shard?.ToString() ?? "the whole grid"} now");
        if (differences.Count > 0)
            throw new InvalidOperationException(
                $"Cannot resume the runs in {Directory}: they were made with other settings.\n  {string.Join("\n  ", differences)}\n" +
                "Resume with the recorded settings, or choose another output directory to start afresh.");
        var csv = File.Exists(csvPath) ? File.ReadAllText(csvPath!) : "";
        // A line without its newline was cut off by a kill: it belongs to no listed run.
        var rows = csv.Split('\n')[..^1];
        var next = header is null ? 0 : 1;
        if (header is not null && (rows.Length == 0 || rows[0] != header))
            throw new InvalidDataException($"Cannot resume: {csvPath} does not start with the header \"{header}\".");
        var listed = new List<string>();
        var runs = new Dictionary<string, (int Count, string Extra)>();
        foreach (var f in fields.Where(f => f[0] == RunTag))
        {
            if (f.Length != 4 || !int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                throw new InvalidDataException($"Cannot resume: {runsPath} has a malformed run line \"{string.Join("\t", f)}\".");
            if (!runs.TryAdd(f[1], (count, f[3])))
                throw new InvalidDataException($"Cannot resume: {runsPath} lists run {f[1]} twice.");
            listed.Add(f[1]);
        }
        complete = lines.Contains(CompleteTag);
        foreach (var key in FileOrder(fields, listed, csv))
        {
            var (count, extra) = runs[key];
            if (next + count > rows.Length)
                throw new InvalidDataException($"Cannot resume: {runsPath} lists run {key} with {count} rows but {csvPath} ends before them.");
            recorded[key] = new RecordedRun(rows[next..(next + count)], extra);
            fileOrder.Add(key);
            next += count;
        }
        RecordedEarlier = recorded.Count;
        if (next < rows.Length || !csv.EndsWith('\n'))
            WriteAtomically(csvPath!, string.Concat(rows[..next].Select(r => r + "\n")));
    }

    /// <summary>
    /// The order of the runs' rows in the result file <paramref name="csv"/>: that of the last order line once the file
    /// was reordered (the experiment completed, or the file's hash is the listed one), else that of the run lines.
    /// </summary>
    IReadOnlyList<string> FileOrder(List<string[]> fields, List<string> listed, string csv)
    {
        if (fields.LastOrDefault(f => f[0] == OrderTag) is not { } order) return listed;
        if (order.Length < 2 || order.Length - 2 != listed.Count || !order.Skip(2).Order(StringComparer.Ordinal).SequenceEqual(listed.Order(StringComparer.Ordinal)))
            throw new InvalidDataException($"Cannot resume: the order line of {runsPath} does not list its {listed.Count} finished runs.");
        return complete || order[1] == Sha256(csv) ? order[2..] : listed;
    }

    static string OneLine(string value) => value.ReplaceLineEndings(" ").Replace('\t', ' ');

    static void Append(string path, string text)
    {
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var bytes = Encoding.UTF8.GetBytes(text);
        file.Write(bytes);
        file.Flush(flushToDisk: true);
    }

    static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
