using System.Diagnostics;
using Lectures.Graphs;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;
using Lectures.Torch.Interactions;
using Lectures.Torch.Sparsification;
using TorchSharp;

namespace Lectures.Benchmarks;

/// <summary>One GCN training run on Cora (full graph, seed 0): wall and process CPU seconds, and epochs per second.</summary>
public sealed class GcnTrainingBenchmark : Benchmark
{
    /// <inheritdoc />
    public override string Name => "gnn-train";

    /// <inheritdoc />
    public override void Run()
    {
        var cora = Datasets.Cora();
        TrainingResult? result = null;
        foreach (var architecture in new[] { GnnArchitecture.Gcn, GnnArchitecture.Gin, GnnArchitecture.ResGcn })
        {
            var (wall, cpu) = GnnTiming.Median(() => result = VertexClassification.TrainOnce(cora, new GnnOptions(architecture), seed: 0));
            Report($"{GnnOptions.Name(architecture)} on Cora, 1 thread, seed 0",
                $"{wall:F2} s wall, {cpu:F2} s CPU, {result!.Epochs} epochs ({1000 * cpu / result.Epochs:F0} ms CPU/epoch), test {result.TestAccuracy:F3}");
        }
    }
}

/// <summary>The notebook-sized experiments (SparsificationOptions.Reduced on Cora, InteractionOptions.Reduced): wall and CPU seconds.</summary>
public sealed class GnnReducedExperimentsBenchmark : Benchmark
{
    /// <inheritdoc />
    public override string Name => "gnn-reduced";

    /// <inheritdoc />
    public override void Run()
    {
        var (wall, cpu) = GnnTiming.Median(() => SparsificationExperiment.Run(SparsificationOptions.Reduced()));
        Report("SparsificationOptions.Reduced() on Cora", $"{wall:F1} s wall, {cpu:F1} s CPU");
        (wall, cpu) = GnnTiming.Median(() => InteractionExperiment.Run(InteractionOptions.Reduced));
        Report("InteractionOptions.Reduced", $"{wall:F1} s wall, {cpu:F1} s CPU");
    }
}

/// <summary>Wall and CPU time of an action: one warm-up, then the median of 3 runs (each measured separately).</summary>
internal static class GnnTiming
{
    public static (double Wall, double Cpu) Median(Action action)
    {
        torch.set_num_threads(1);
        action();
        var runs = Enumerable.Range(0, 3).Select(_ =>
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            action();
            process.Refresh();
            return (clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
        }).ToList();
        return (runs.Select(r => r.Item1).Order().ElementAt(1), runs.Select(r => r.Item2).Order().ElementAt(1));
    }
}
