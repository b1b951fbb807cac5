using Plotly.NET;

namespace Lectures.Torch.Experiments;

/// <summary>
/// What every experiment's Run returns: its charts, its CSV files, its findings, how many runs it made and where it
/// came from. <see cref="ExperimentReport.Write"/> turns them into one report; results types write no files of their own.
/// </summary>
public interface IExperimentResults
{
    /// <summary>The report's title, e.g. "Edge sparsification: GCN on Cora".</summary>
    string Title { get; }

    /// <summary>The runs of this start: how many, how many were recorded earlier, and the wall time.</summary>
    RunTally Tally { get; }

    /// <summary>Where the results came from (date, commit, command); <see cref="RunProvenance.Unknown"/> outside the command line.</summary>
    RunProvenance Provenance { get; }

    /// <summary>These results with <paramref name="provenance"/>.</summary>
    IExperimentResults WithProvenance(RunProvenance provenance);

    /// <summary>The experiment's charts, in the order the report shows them.</summary>
    IEnumerable<GenericChart> Charts();

    /// <summary>Writes the experiment's CSV files into <paramref name="directory"/>; returns their paths.</summary>
    IReadOnlyList<string> WriteCsv(string directory);

    /// <summary>The setting and the findings as Markdown (sentences and tables), for the console, a notebook and the report.</summary>
    string Summary();
}
