namespace Lectures.TextTasks;

/// <summary>
/// Translate 1..3 words of a ten-word lexicon word by word with the table <see cref="Table"/>; the pretraining habit
/// uses an older table <see cref="OldTable"/>. Words are separated by single spaces.
/// </summary>
public sealed class TranslationTask(int unfamiliarSymbols = 6) : TextTask("translate", 'T', "abcdefghij", unfamiliarSymbols)
{
    /// <summary>The source words; their first letters are a..j.</summary>
    public static readonly string[] Words = ["ant", "bee", "cat", "dog", "elk", "fox", "gnu", "hen", "imp", "jay"];

    /// <summary>The finetuning translation of each word in <see cref="Words"/>.</summary>
    public static readonly string[] Table = ["kol", "mup", "rin", "sav", "tez", "wub", "yor", "lam", "nix", "pog"];

    /// <summary>The pretraining habit's translation of each word in <see cref="Words"/>.</summary>
    public static readonly string[] OldTable = ["zur", "qet", "vom", "xal", "lun", "pim", "ros", "tiv", "mok", "wes"];

    /// <summary>f(x) = each word translated by <see cref="Table"/>.</summary>
    public override string Reference(string input) => Translate(input, Table);

    /// <summary>h(x) = each word translated by <see cref="OldTable"/>.</summary>
    public override string Habit(string input) => Translate(input, OldTable);

    /// <inheritdoc/>
    protected override string RandomInput(char first, Random random)
    {
        var words = new List<string> { Words[first - 'a'] };
        var count = random.Next(1, 4);
        while (words.Count < count) words.Add(Words[random.Next(Words.Length)]);
        return string.Join(' ', words);
    }

    static string Translate(string input, string[] table) =>
        string.Join(' ', input.Split(' ').Select(word =>
        {
            var index = Array.IndexOf(Words, word);
            return index >= 0 ? table[index]
                : throw new ArgumentException($"Word '{word}' is not in the lexicon ({string.Join(", ", Words)}).", nameof(input));
        }));
}
