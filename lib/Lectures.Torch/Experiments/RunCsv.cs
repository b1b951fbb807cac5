namespace Lectures.Torch.Experiments;

/// <summary>
/// An experiment's per-run CSV file: its name, header, and how one run becomes one line and back. The journal
/// appends the lines as runs finish; the results write the whole file.
/// </summary>
/// <typeparam name="TRun">One run of the experiment.</typeparam>
/// <param name="FileName">E.g. "sparsification.csv".</param>
/// <param name="Header">The first line: the column names.</param>
/// <param name="Row">One line (invariant culture, round-trip numbers).</param>
/// <param name="Parse">The run written by <paramref name="Row"/>.</param>
public sealed record RunCsv<TRun>(string FileName, string Header, Func<TRun, string> Row, Func<string, TRun> Parse) where TRun : class
{
    /// <summary>Writes directory/FileName: the header, then one line per run; returns the path.</summary>
    public string Write(string directory, IEnumerable<TRun> runs)
    {
        var path = Path.Combine(directory, FileName);
        ExperimentReport.WriteCsv(path, Header, runs.Select(Row));
        return path;
    }

    /// <summary>Opens the journal of <paramref name="total"/> runs writing this file (see <see cref="RunJournal.Open"/>).</summary>
    public RunJournal OpenJournal(JournalSettings? journal, IReadOnlyList<(string Name, string Value)> settings, int total) =>
        RunJournal.Open(journal, FileName, Header, settings, total);

    /// <summary>
    /// The recorded run <paramref name="key"/> or else <paramref name="run"/>'s result, recorded as one line; null when
    /// the run failed with a native error (the journal reports it at the end).
    /// </summary>
    public TRun? Run(RunJournal journal, string key, Func<TRun> run) =>
        journal.Run(key, key, () => new RecordedRun([Row(run())], "")) is { } recorded ? Parse(recorded.Rows[0]) : null;
}
