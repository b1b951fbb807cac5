namespace Lectures.TextTasks;

/// <summary>
/// A seeded text task: inputs x, the finetuning rule y* = f(x) (the reference), a pretraining habit h(x) (what the
/// pretraining mix often shows instead), and the partial-credit reward r(y, y*) = EditSimilarity in [0, 1].
/// How far finetuning is from pretraining is set per input by its first symbol s: the pretraining mix shows f(x)
/// with probability w(s) and h(x) otherwise, where w = 0 on the first <see cref="UnfamiliarSymbols"/> symbols of
/// <see cref="FirstSymbols"/> (the finetuning rule never shown there) and w is evenly spaced in
/// [<see cref="LowestRuleProbability"/>, <see cref="HighestRuleProbability"/>] on the rest.
/// </summary>
public abstract class TextTask
{
    /// <summary>The smallest w(s) on familiar first symbols.</summary>
    public const double LowestRuleProbability = 0.2;

    /// <summary>The largest w(s) on familiar first symbols.</summary>
    public const double HighestRuleProbability = 0.8;

    /// <summary>A task named <paramref name="name"/>, marked in prompts by <paramref name="tag"/>, whose finetuning rule the
    /// pretraining mix never shows on inputs starting with the first <paramref name="unfamiliarSymbols"/> first symbols.</summary>
    protected TextTask(string name, char tag, string firstSymbols, int unfamiliarSymbols)
    {
        if (unfamiliarSymbols < 0 || unfamiliarSymbols > firstSymbols.Length)
            throw new ArgumentOutOfRangeException(nameof(unfamiliarSymbols), unfamiliarSymbols,
                $"Unfamiliar symbols must be in 0..{firstSymbols.Length} (the task has {firstSymbols.Length} first symbols); got {unfamiliarSymbols}.");
        Name = name;
        Tag = tag;
        FirstSymbols = firstSymbols;
        UnfamiliarSymbols = unfamiliarSymbols;
    }

    /// <summary>The task's name.</summary>
    public string Name { get; }

    /// <summary>The character that marks the task in a prompt.</summary>
    public char Tag { get; }

    /// <summary>The symbols an input can start with, drawn uniformly.</summary>
    public string FirstSymbols { get; }

    /// <summary>How many of <see cref="FirstSymbols"/> (the first ones) never show the finetuning rule in pretraining.</summary>
    public int UnfamiliarSymbols { get; }

    /// <summary>Expected fraction of inputs the finetuning rule is new for: UnfamiliarSymbols / |FirstSymbols|.</summary>
    public double UnfamiliarFraction => (double)UnfamiliarSymbols / FirstSymbols.Length;

    /// <summary>The finetuning rule y* = f(x).</summary>
    public abstract string Reference(string input);

    /// <summary>The pretraining habit h(x) that competes with the rule.</summary>
    public abstract string Habit(string input);

    /// <summary>A random input starting with <paramref name="first"/>.</summary>
    protected abstract string RandomInput(char first, Random random);

    /// <summary>r(y, y*) = 1 - Levenshtein(y, y*) / max(|y|, |y*|), in [0, 1].</summary>
    public double Reward(string output, string reference) => EditSimilarity.Similarity(output, reference);

    /// <summary>w(s): the probability that the pretraining mix shows the finetuning rule for an input starting with s.</summary>
    public double RuleProbability(string input)
    {
        var index = FirstSymbols.IndexOf(input.Length > 0 ? input[0] : '\0');
        if (index < 0)
            throw new ArgumentException($"Input '{input}' does not start with one of the {Name} task's first symbols '{FirstSymbols}'.", nameof(input));
        if (index < UnfamiliarSymbols) return 0;
        var familiar = FirstSymbols.Length - UnfamiliarSymbols;
        return familiar == 1 ? (LowestRuleProbability + HighestRuleProbability) / 2
            : LowestRuleProbability + (HighestRuleProbability - LowestRuleProbability) * (index - UnfamiliarSymbols) / (familiar - 1);
    }

    /// <summary>A random input, its first symbol drawn uniformly from <see cref="FirstSymbols"/>.</summary>
    public string RandomInput(Random random) => RandomInput(FirstSymbols[random.Next(FirstSymbols.Length)], random);

    /// <summary>
    /// <paramref name="count"/> distinct labelled inputs (x, f(x)) drawn with <c>new Random(seed)</c>; inputs listed in
    /// <paramref name="exclude"/> are skipped (to keep a test set apart from a training set).
    /// </summary>
    public TextExample[] Examples(int count, int seed, IEnumerable<TextExample>? exclude = null)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, $"Need at least 1 example; got {count}.");
        var random = new Random(seed);
        var seen = new HashSet<string>(exclude?.Select(e => e.Input) ?? []);
        var examples = new List<TextExample>(count);
        for (var attempts = 0; examples.Count < count; attempts++)
        {
            if (attempts > 100 * count)
                throw new ArgumentException($"The {Name} task cannot produce {count} distinct inputs (found {examples.Count}).", nameof(count));
            var input = RandomInput(random);
            if (seen.Add(input)) examples.Add(new TextExample(input, Reference(input)));
        }
        return examples.ToArray();
    }

    /// <summary>One pretraining example: a random input x with f(x) drawn with probability w(x), else h(x).</summary>
    public TextExample PretrainingExample(Random random)
    {
        var input = RandomInput(random);
        return new TextExample(input, random.NextDouble() < RuleProbability(input) ? Reference(input) : Habit(input));
    }

    /// <summary>The task's name.</summary>
    public override string ToString() => Name;

    /// <summary>A string of random characters from <paramref name="alphabet"/> with a length in [minLength, maxLength].</summary>
    protected static string RandomString(string alphabet, int minLength, int maxLength, Random random)
    {
        var length = random.Next(minLength, maxLength + 1);
        return string.Create(length, (alphabet, random), (span, state) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
        });
    }
}
