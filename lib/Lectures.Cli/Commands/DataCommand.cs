using Lectures.Graphs;

namespace Lectures.Cli.Commands;

/// <summary>
/// `lectures data`: fetches every external dataset ahead of time (today: Cora, from the public gnn-benchmark
/// collection, SHA-256 checked) into ~/.cache/lectures unless a local copy is found, and prints where each is.
/// </summary>
public static class DataCommand
{
    /// <summary>Fetches the datasets, writing one line per dataset to <paramref name="output"/>; returns the exit code.</summary>
    public static int Run(Options options, TextWriter? output = null)
    {
        options.RejectUnknown();
        output ??= Console.Out;
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
