using Lectures.Torch.Experiments;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// The shipped outcomes of the full controlled finetuning run (benchmarks/results/finetuning.csv, read by
/// <see cref="FullRuns.Finetuning"/>): where each method ends per (optimiser, task), over the run's seeds.
/// </summary>
public sealed record FinetuningFullRun(FullRunSource Source, IReadOnlyList<MethodOutcome> Outcomes)
{
    /// <summary>The outcome of <paramref name="method"/> on (<paramref name="optimizer"/>, <paramref name="task"/>); refused, naming what is there, when absent.</summary>
    public MethodOutcome Outcome(string optimizer, string task, string method) =>
        Outcomes.FirstOrDefault(o => o.Optimizer == optimizer && o.Task == task && o.Method == method)
        ?? throw new ArgumentException($"The full run has no outcome of '{method}' with {optimizer} on '{task}': " +
            $"it holds the optimisers {string.Join(", ", Outcomes.Select(o => o.Optimizer).Distinct())} and the tasks {string.Join(", ", Outcomes.Select(o => o.Task).Distinct())}.", nameof(method));
}
