namespace Lectures.TextTasks;

/// <summary>Sort the letters of a string of letters a..j (length 2..4) ascending; the pretraining habit sorts descending.</summary>
public sealed class SortTask(int unfamiliarSymbols = 4) : TextTask("sort", 'S', CopyTask.Letters, unfamiliarSymbols)
{
    /// <summary>f(x) = the characters of x in ascending order.</summary>
    public override string Reference(string input) => new(input.Order().ToArray());

    /// <summary>h(x) = the characters of x in descending order.</summary>
    public override string Habit(string input) => new(input.OrderDescending().ToArray());

    /// <inheritdoc/>
    protected override string RandomInput(char first, Random random) => first + RandomString(CopyTask.Letters, 1, 3, random);
}
