using System.CommandLine;
using Lectures.Graphs;

namespace Lectures.Cli.Commands;

/// <summary>
/// `lectures data`: fetches every external dataset ahead of time (today: Cora, from the public gnn-benchmark
/// collection, SHA-256 checked) into ~/.cache/lectures unless a local copy is found, and prints where each is.
/// </summary>
public sealed class DataCommand : Command
{
    /// <summary>The `data` command: no arguments, no options.</summary>
    public DataCommand() : base("data", "download the external datasets (Cora) into ~/.cache/lectures") =>
        SetAction(result => Run(result.InvocationConfiguration.Output));

    /// <summary>Fetches the datasets, writing one line per dataset to <paramref name="output"/>; returns the exit code.</summary>
    public static int Run(TextWriter output)
    {
        var lastTenth = -1;
        var progress = new SynchronousProgress<double>(fraction =>
        {
            if ((int)(fraction * 10) is var tenth && tenth == lastTenth) return;
            lastTenth = tenth;
            output.WriteLine($"  cora.npz: {fraction:P0}");
        });
        var path = Datasets.FetchCora(progress);
        output.WriteLine($"Cora: {path} (SHA-256 {Datasets.Sha256(path)})");
        output.WriteLine("UCI digits and Zachary's karate club ship with the kit in datasets/.");
        return 0;
    }
}
