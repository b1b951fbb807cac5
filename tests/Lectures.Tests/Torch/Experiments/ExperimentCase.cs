using System.Collections.Concurrent;
using Lectures.Torch.Experiments;
using Lectures.Torch.Finetuning;
using Lectures.Torch.Interactions;
using Lectures.Torch.LanguageModel;
using Lectures.Torch.Sparsification;

namespace Lectures.Tests.Torch.Experiments;

/// <summary>
/// One of the experiments as a test case, driven only through <see cref="IExperiment{TOptions, TResults}"/>: its
/// name, its journal file, and its Reduced setting run with a progress sink and a journal. <see cref="Reduced"/> runs it
/// once per test process into a directory that the golden, shape and shard tests share.
/// </summary>
public sealed class ExperimentCase
{
    static readonly ConcurrentDictionary<string, Lazy<(string Directory, IExperimentResults Results)>> ReducedRuns = new();
    static readonly string RunsRoot = Directory.CreateTempSubdirectory("lectures-reduced-").FullName;

    static ExperimentCase() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(RunsRoot, recursive: true);

    ExperimentCase(string name, string journalFile, Func<IProgress<ExperimentProgress>?, JournalSettings?, IExperimentResults> run) =>
        (Name, JournalFile, RunReduced) = (name, journalFile, run);

    /// <summary>The experiment's command-line name.</summary>
    public string Name { get; }

    /// <summary>Its journal's result file, e.g. "interaction.csv".</summary>
    public string JournalFile { get; }

    /// <summary>The .runs file beside <see cref="JournalFile"/>.</summary>
    public string RunsFile => Path.ChangeExtension(JournalFile, ".runs");

    /// <summary>Runs the Reduced setting.</summary>
    public Func<IProgress<ExperimentProgress>?, JournalSettings?, IExperimentResults> RunReduced { get; }

    /// <summary>The experiments by name.</summary>
    public static IReadOnlyDictionary<string, ExperimentCase> All { get; } = new[]
    {
        Of<SparsificationExperiment, SparsificationOptions, SparsificationResults>(),
        Of<InteractionExperiment, InteractionOptions, InteractionResults>(),
        Of<FinetuningExperiment, FinetuningOptions, FinetuningResults>(),
        Of<LanguageModelExperiment, LanguageModelOptions, LanguageModelResults>(),
        Of<LanguageModelReplicationExperiment, LanguageModelReplicationOptions, LanguageModelReplicationResults>(),
    }.ToDictionary(c => c.Name);

    /// <summary>The names, as xunit theory data.</summary>
    public static TheoryData<string> Names => new(All.Keys);

    static ExperimentCase Of<TExperiment, TOptions, TResults>()
        where TExperiment : IExperiment<TOptions, TResults>
        where TOptions : IExperimentOptions
        where TResults : IExperimentResults =>
        new(TExperiment.Name, TExperiment.JournalFile, (progress, journal) => TExperiment.Run(TExperiment.Reduced, progress, journal));

    /// <summary>Resumes the Reduced setting in <paramref name="directory"/>; returns (runs, runs recorded earlier).</summary>
    public (int Runs, int RecordedEarlier) ResumeReduced(string directory)
    {
        var tally = RunReduced(null, new JournalSettings(directory, Resume: true)).Tally;
        return (tally.Runs, tally.RecordedEarlier);
    }

    /// <summary>
    /// Asserts that the Reduced run's journal (result file and .runs) and the result file its results write into
    /// <paramref name="report"/> equal the golden files of the same names; returns the results.
    /// </summary>
    public IExperimentResults AssertReducedIsGolden(string report)
    {
        var (journal, results) = Reduced();
        results.WriteCsv(report);
        GoldenFiles.AssertFiles(journal, "", JournalFile, RunsFile);
        GoldenFiles.AssertFiles(report, "", JournalFile);
        return results;
    }

    /// <summary>The directory where the Reduced setting ran straight through with a journal, and its results (run once per process).</summary>
    public (string Directory, IExperimentResults Results) Reduced() => ReducedRuns.GetOrAdd(Name, _ => new(() =>
    {
        var directory = Path.Combine(RunsRoot, Name);
        return (directory, RunReduced(null, new JournalSettings(directory)));
    })).Value;
}
