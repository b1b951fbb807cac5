namespace Lectures.Torch.Experiments;

/// <summary>
/// The shape every experiment shares: a name, a lecture-sized and a command-line setting, and one Run that returns
/// results with charts, CSV files, a summary, the run tally and the provenance. `lectures experiment` registers the
/// types that implement it.
/// </summary>
/// <typeparam name="TOptions">The experiment's settings.</typeparam>
/// <typeparam name="TResults">What a run returns.</typeparam>
public interface IExperiment<TOptions, TResults>
    where TOptions : IExperimentOptions
    where TResults : IExperimentResults
{
    /// <summary>The name on the command line (`lectures experiment NAME`), the type's stem in kebab case, e.g. "finetuning".</summary>
    static abstract string Name { get; }

    /// <summary>What the command-line run compares, in one line.</summary>
    static abstract string Description { get; }

    /// <summary>The result file its journal appends each finished run to, e.g. "sparsification.csv".</summary>
    static abstract string JournalFile { get; }

    /// <summary>A lecture-sized setting: one cell of a notebook.</summary>
    static abstract TOptions Reduced { get; }

    /// <summary>The setting the command line runs.</summary>
    static abstract TOptions Standard { get; }

    /// <summary>
    /// Runs every run of <paramref name="options"/> (of journal.Shard's share), reporting each finished run. With a
    /// <paramref name="journal"/>, each finished run is appended to <see cref="JournalFile"/> in its directory as it
    /// completes, and resuming skips the runs recorded there (with the same settings).
    /// </summary>
    static abstract TResults Run(TOptions options, IProgress<ExperimentProgress>? progress = null, JournalSettings? journal = null);
}
