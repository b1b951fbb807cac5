namespace Lectures.TextTasks;

/// <summary>Copy a string of letters a..j (length 2..4): f(x) = x; the pretraining habit is the reverse of x.</summary>
public sealed class CopyTask(int unfamiliarSymbols = 0) : TextTask("copy", 'C', Letters, unfamiliarSymbols)
{
    /// <summary>The letters inputs are made of.</summary>
    public const string Letters = "abcdefghij";

    /// <summary>f(x) = x.</summary>
    public override string Reference(string input) => input;

    /// <summary>h(x) = x reversed.</summary>
    public override string Habit(string input) => ReverseTask.Reversed(input);

    /// <inheritdoc/>
    protected override string RandomInput(char first, Random random) => first + RandomString(Letters, 1, 3, random);
}
