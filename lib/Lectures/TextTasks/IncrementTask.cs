using System.Globalization;

namespace Lectures.TextTasks;

/// <summary>Increment a number in 1..999: f(n) = n + 1; the pretraining habit is the nine's complement of each digit.</summary>
public sealed class IncrementTask(int unfamiliarSymbols = 5) : TextTask("increment", 'I', "123456789", unfamiliarSymbols)
{
    /// <summary>f(n) = n + 1 in decimal.</summary>
    public override string Reference(string input) =>
        (long.Parse(input, NumberStyles.None, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>h(n) = each digit d replaced by 9 - d.</summary>
    public override string Habit(string input) => new(input.Select(d => (char)('9' - d + '0')).ToArray());

    /// <inheritdoc/>
    protected override string RandomInput(char first, Random random) => first + RandomString("0123456789", 0, 2, random);
}
