using System.Net;

namespace Lectures.Graphs;

/// <summary>A graph together with one line saying what it is and where it came from (notebooks print it).</summary>
/// <param name="Graph">The graph.</param>
/// <param name="Description">E.g. "Cora (gnn-benchmark cora.npz, SHA-256 068e22d9…) from the kit's data folder ../shared/datasets: …" (<see cref="Datasets.Describe"/>) or why a stand-in was used.</param>
/// <param name="StandInReason">Null for the real dataset; for a stand-in, why the real one could not be loaded.</param>
public sealed record LoadedGraph(Graph Graph, string Description, string? StandInReason = null)
{
    /// <summary>True when <see cref="Graph"/> is the stand-in for Cora, not Cora.</summary>
    public bool IsStandIn => StandInReason is not null;

    /// <summary>
    /// For a stand-in, a boxed HTML notice to display above the results: what the stand-in is, what differs from
    /// Cora (the accuracies, and the order of WIS and random beyond half the edges), why Cora was not loaded, and
    /// how to get it. Null for the real dataset.
    /// </summary>
    public string? Banner => StandInReason is null ? null :
        "<div style=\"border:2px solid #d9822b;background:#fff4e5;padding:0.6em 1em;border-radius:4px\">" +
        "<p><strong>⚠ Stand-in data: this lecture is not running on Cora.</strong> " +
        $"It uses {WebUtility.HtmlEncode(Graph.ToString())}: a stochastic block model with Cora's sizes.</p>" +
        "<p><strong>What differs:</strong> its features alone classify almost every vertex, so accuracies are higher " +
        "than on Cora and the curves are U-shaped; on it 1-WIS falls <em>below</em> random removal at 60–70% of " +
        "the edges removed (benchmarks/RESULTS.md, \"GCN on the citation-like fallback graph\"), the opposite of " +
        "the talk's result on Cora. Numbers in the text that quote Cora will not match the outputs.</p>" +
        $"<p><strong>Why:</strong> {WebUtility.HtmlEncode(StandInReason)}</p>" +
        "<p><strong>To get the real data:</strong> with a network, run <code>dotnet run --project lib/Lectures.Cli " +
        "-- data</code> (it downloads cora.npz into ~/.cache/lectures), or put cora.npz in a folder named by " +
        $"<code>{Datasets.EnvironmentVariable}</code>; then restart the kernel and run the lecture again.</p></div>";

    /// <summary>The description.</summary>
    public override string ToString() => Description;
}
