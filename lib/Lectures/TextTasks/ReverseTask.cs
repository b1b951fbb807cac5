namespace Lectures.TextTasks;

/// <summary>Reverse a string of letters a..j (length 2..4): f(x) = x reversed; the pretraining habit is a copy of x.</summary>
public sealed class ReverseTask(int unfamiliarSymbols = 2) : TextTask("reverse", 'R', CopyTask.Letters, unfamiliarSymbols)
{
    /// <summary>f(x) = x_n ... x_1.</summary>
    public override string Reference(string input) => Reversed(input);

    /// <summary>h(x) = x.</summary>
    public override string Habit(string input) => input;

    /// <inheritdoc/>
    protected override string RandomInput(char first, Random random) => first + RandomString(CopyTask.Letters, 1, 3, random);

    /// <summary>The characters of <paramref name="text"/> in reverse order.</summary>
    public static string Reversed(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
