namespace Lectures.TextTasks;

/// <summary>The kit's benchmark of text tasks and its pretraining mix.</summary>
public static class TextBenchmark
{
    /// <summary>The six tasks, ordered by the fraction of inputs whose finetuning rule pretraining never shows
    /// (copy 0, reverse 0.2, sort 0.4, increment 5/9, translate 0.6, lookup 0.8).</summary>
    public static IReadOnlyList<TextTask> Tasks() =>
        [new CopyTask(), new ReverseTask(), new SortTask(), new IncrementTask(), new TranslationTask(), new LookupTask()];

    /// <summary>The task called <paramref name="name"/> (case-insensitive) among <see cref="Tasks"/>.</summary>
    public static TextTask Task(string name) =>
        Tasks().FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown text task '{name}'; expected one of {string.Join(", ", Tasks().Select(t => t.Name))}.", nameof(name));

    /// <summary>
    /// <paramref name="count"/> pretraining examples, each from a task drawn uniformly from <paramref name="tasks"/>
    /// (<see cref="TextTask.PretrainingExample"/>: f(x) with probability w(x), else the habit h(x)), with <c>new Random(seed)</c>.
    /// </summary>
    public static TaskExample[] PretrainingMix(IReadOnlyList<TextTask> tasks, int count, int seed)
    {
        if (tasks.Count == 0) throw new ArgumentException("The pretraining mix needs at least one task.", nameof(tasks));
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var task = tasks[random.Next(tasks.Count)];
            return new TaskExample(task, task.PretrainingExample(random));
        }).ToArray();
    }
}
