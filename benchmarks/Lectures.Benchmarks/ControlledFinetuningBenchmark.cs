using System.Diagnostics;
using Lectures.Torch.Experiments;
using Lectures.Torch.Finetuning;

namespace Lectures.Benchmarks;

/// <summary>
/// The controlled finetuning experiments: times the reduced (notebook) setting, then runs the full grid once, prints
/// its findings as Markdown and writes CSV and the HTML report to out/experiments/finetune.
/// </summary>
public sealed class ControlledFinetuningBenchmark : Benchmark
{
    /// <inheritdoc />
    public override string Name => "controlled-finetuning";

    /// <inheritdoc />
    public override void Run()
    {
        var reduced = MedianSeconds(() => FinetuningExperiment.Run(FinetuningOptions.Reduced));
        Report("reduced setting (1 seed, SGD, 11 methods)", $"{reduced:F1} s");

        var sw = Stopwatch.StartNew();
        var progress = new Progress<ExperimentProgress>(p => Console.Error.WriteLine($"[{sw.Elapsed.TotalMinutes:F1} min] {p}"));
        var full = FinetuningExperiment.Run(FinetuningOptions.Standard, progress);
        Report("full grid", $"{sw.Elapsed.TotalMinutes:F1} min, {full.Records.Count} records, {full.Diverged.Count} diverged runs");
        var dir = Path.Combine("out", "experiments", "finetune");
        ExperimentReport.Write(full, dir);
        Console.WriteLine(full.Summary());
        Report("report", Path.GetFullPath(dir));
    }
}
