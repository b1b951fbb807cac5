namespace Lectures.TextTasks;

/// <summary>An example together with the task it belongs to (the task gives the prompt tag and the reward).</summary>
public readonly record struct TaskExample(TextTask Task, TextExample Example)
{
    /// <summary>Every example of <paramref name="examples"/> paired with <paramref name="task"/>.</summary>
    public static TaskExample[] Of(TextTask task, IEnumerable<TextExample> examples) =>
        examples.Select(e => new TaskExample(task, e)).ToArray();
}
