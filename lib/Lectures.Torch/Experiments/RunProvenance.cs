namespace Lectures.Torch.Experiments;

/// <summary>
/// Where a result file came from, written into each row of an experiment's summary.csv: the UTC date of the run,
/// the kit's git commit and the command line. The command line fills it; the library runs no git or process.
/// </summary>
/// <param name="Date">UTC date of the run, yyyy-mm-dd.</param>
/// <param name="Commit">The kit's git commit (40 hex digits), or "unknown".</param>
/// <param name="Command">The command that ran the experiment.</param>
public sealed record RunProvenance(string Date, string Commit, string Command)
{
    /// <summary>No provenance recorded (a run from a notebook or a test): every field "unknown".</summary>
    public static RunProvenance Unknown { get; } = new("unknown", "unknown", "unknown");

    /// <summary>"date,commit,command" as three CSV fields (quoted when they hold a comma or a quote).</summary>
    public string CsvFields() => $"{Csv.Quote(Date)},{Csv.Quote(Commit)},{Csv.Quote(Command)}";
}
