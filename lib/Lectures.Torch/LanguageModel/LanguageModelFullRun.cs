using Lectures.Torch.Experiments;

namespace Lectures.Torch.LanguageModel;

/// <summary>A quoted language-model result: the findings per task, and finding II's bins pooled over tasks (task "all").</summary>
/// <param name="Source">The run that produced it.</param>
/// <param name="Rows">(task, quantity, value), in the order of the file; the quantities are the columns of tasks.csv.</param>
public sealed record LanguageModelFullRun(FullRunSource Source, IReadOnlyList<(string Task, string Quantity, double Value)> Rows)
{
    /// <summary>The tasks, in the order of the file (without the pooled "all").</summary>
    public IReadOnlyList<string> Tasks =>
        Rows.Select(r => r.Task).Where(t => t != LanguageModelResults.AllTasks).Distinct().ToList();

    /// <summary>The value of <paramref name="quantity"/> on <paramref name="task"/>.</summary>
    public double Value(string task, string quantity) =>
        Rows.Where(r => r.Task == task && r.Quantity == quantity).Select(r => (double?)r.Value).SingleOrDefault()
        ?? throw new ArgumentException($"The language-model full run has no quantity '{quantity}' for task '{task}'.", nameof(quantity));

    /// <summary>The value of <paramref name="quantity"/> on every task, in the order of <see cref="Tasks"/>.</summary>
    public double[] PerTask(string quantity) => [.. Tasks.Select(t => Value(t, quantity))];
}
