using Lectures.Torch.Experiments;
using System.Diagnostics;
using Lectures.Graphs;
using Lectures.Sparsification;
using Lectures.Torch.Runtime;
using TorchSharp;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;

namespace Lectures.Torch.Sparsification;

/// <summary>
/// Accuracy against edges removed: for every seed, method and removal level, the GNN is trained from scratch on
/// the graph with the first p% of the method's removal order gone, and its test accuracy (at the best validation
/// epoch) is recorded. Paired seeds: at a seed every method uses the same 80/10/10 split and the same initial
/// weights, so at 0% (and 100%) every method trains the identical network; such repeated graphs are trained once.
/// </summary>
public sealed class SparsificationExperiment : IExperiment<SparsificationOptions, SparsificationResults>
{
    SparsificationExperiment() { }

    /// <inheritdoc />
    public static string Name => "sparsification";

    /// <inheritdoc />
    public static string Description =>
        "accuracy vs edges removed: 1-WIS, 2-WIS, random, spectral, UGS (--dataset cora|citation-like|FILE.npz, --model gcn|gin|resgcn, --step 10|5)";

    /// <inheritdoc />
    public static string JournalFile => SparsificationResults.RunFile.FileName;

    /// <inheritdoc cref="SparsificationOptions.Reduced" />
    public static SparsificationOptions Reduced => SparsificationOptions.Reduced();

    /// <inheritdoc cref="SparsificationOptions.Standard" />
    public static SparsificationOptions Standard => SparsificationOptions.Standard();

    /// <summary>
    /// Runs the grid of <paramref name="options"/> on the graph named by options.Dataset, reporting each finished training
    /// run; with a <paramref name="journal"/>, runs are recorded and resumed as <see cref="Run(LoadedGraph, SparsificationOptions, IProgress{ExperimentProgress}?, JournalSettings?)"/> says.
    /// </summary>
    public static SparsificationResults Run(SparsificationOptions options, IProgress<ExperimentProgress>? progress = null, JournalSettings? journal = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Run(Datasets.ByName(options.Dataset), options, progress, journal);
    }

    /// <summary>
    /// Runs the grid of <paramref name="options"/> on a graph already loaded (with features and labels); options.Dataset
    /// is ignored. With a <paramref name="journal"/>, each finished grid point is appended to sparsification.csv in its
    /// directory as it completes, and resuming skips the points recorded there (with the same options and graph).
    /// </summary>
    public static SparsificationResults Run(LoadedGraph loaded, SparsificationOptions options, IProgress<ExperimentProgress>? progress = null,
        JournalSettings? journal = null)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var recorded = SparsificationResults.RunFile.Open(journal, [.. options.Settings(), ("Graph", loaded.Description)],
            options.Seeds.Count * options.Methods.Count * options.Levels.Count);
        TorchRuntime.EnsureLoaded();
        using var threads = TorchThreads.Use(options.Threads);
        var clock = Stopwatch.StartNew();
        var graph = loaded.Graph;
        var (index, done) = (0, 0);
        var runs = new List<SparsificationRun>(recorded.Total);
        var seedless = new Dictionary<SparsificationMethod, RemovalOrder>();
        foreach (var seed in options.Seeds)
        {
            using var task = new VertexClassification(graph, VertexSplit.Random(graph.VertexCount, seed));
            var trained = new Dictionary<string, TrainingResult>();
            foreach (var method in options.Methods)
            {
                // The removal order (UGS trains for it) is computed only when a level of the method is not recorded.
                var order = new Lazy<RemovalOrder>(() => method == SparsificationMethod.Ugs
                    ? UnifiedGraphSparsifier.Order(task, options.Model, options.Training, seed)
                    : method.IsSeeded() ? method.Order(graph, seed)
                    : seedless.TryGetValue(method, out var cached) ? cached : seedless[method] = method.Order(graph, seed));
                foreach (var level in options.Levels)
                {
                    if (!recorded.Includes(index++)) continue;
                    var name = $"{method.Name()} {level}% seed {seed}";
                    var run = SparsificationResults.RunFile.Run(recorded, name, name, () =>
                    {
                        var removed = order.Value.Removed(level);
                        var key = string.Join(",", removed.Order());
                        if (!trained.TryGetValue(key, out var result))
                            trained[key] = result = task.Train(options.Model, options.Training, seed, graph.RemoveEdges(removed));
                        return new SparsificationRun(method.Name(), level, seed, removed.Count, graph.EdgeCount - removed.Count, result);
                    });
                    done++;
                    if (run is null) continue;
                    runs.Add(run);
                    progress?.Report(new ExperimentProgress(done, recorded.Total, $"{name}: test accuracy {run.Result.TestAccuracy:F3}"));
                }
            }
        }
        recorded.Complete();
        return new SparsificationResults(loaded.Description, options, runs, clock.Elapsed) { RecordedEarlier = recorded.RecordedEarlier };
    }
}
