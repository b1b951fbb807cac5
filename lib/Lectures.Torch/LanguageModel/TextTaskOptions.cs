namespace Lectures.Torch.LanguageModel;

/// <summary>
/// The task part of the language-model experiment: the text tasks run (<paramref name="Names"/>; null: all of
/// <see cref="Lectures.TextTasks.TextBenchmark.Tasks"/>), with <paramref name="TrainInputs"/> training and
/// <paramref name="TestInputs"/> held-out test inputs per task.
/// </summary>
public sealed record TextTaskOptions(IReadOnlyList<string>? Names = null, int TrainInputs = 120, int TestInputs = 120);
