namespace Lectures.Torch.Experiments;

/// <summary>Where a quoted result came from: the full run that produced it.</summary>
/// <param name="Seeds">How many seeds were averaged.</param>
/// <param name="Date">The date of the run (yyyy-mm-dd).</param>
/// <param name="Commit">The commit that recorded the figures in benchmarks/RESULTS.md.</param>
/// <param name="Command">The command that runs the experiment.</param>
public sealed record FullRunSource(int Seeds, string Date, string Commit, string Command)
{
    /// <summary>"from the full run: 5 seeds, 2026-11-26, `command` (benchmarks/RESULTS.md, commit 94ffb8e)".</summary>
    public string Label => $"from the full run: {Seeds} seed{(Seeds == 1 ? "" : "s")}, {Date}, `{Command}` " +
                           $"(benchmarks/RESULTS.md, commit {(Commit.Length == 40 ? Commit[..7] : Commit)})";

    /// <summary>The label.</summary>
    public override string ToString() => Label;
}
