namespace Lectures.TextTasks;

/// <summary>
/// Look up both keys of a context of two key-digit pairs, queried in random order, e.g. "b3e7?eb" gives "73" (the values in query order);
/// keys are distinct letters a..j. The pretraining habit gives the values in reverse query order ("37").
/// </summary>
public sealed class LookupTask(int unfamiliarSymbols = 8) : TextTask("lookup", 'L', CopyTask.Letters, unfamiliarSymbols)
{
    /// <summary>The number of key-digit pairs in a context.</summary>
    public const int Pairs = 2;

    /// <summary>f(x) = the values of the query keys, in query order.</summary>
    public override string Reference(string input) => new(Values(input).ToArray());

    /// <summary>h(x) = the values of the query keys, in reverse query order.</summary>
    public override string Habit(string input) => new(Values(input).Reverse().ToArray());

    /// <inheritdoc/>
    protected override string RandomInput(char first, Random random)
    {
        var keys = new List<char> { first };
        while (keys.Count < Pairs)
        {
            var key = CopyTask.Letters[random.Next(CopyTask.Letters.Length)];
            if (!keys.Contains(key)) keys.Add(key);
        }
        var context = string.Concat(keys.Select(k => $"{k}{random.Next(10)}"));
        var q1 = random.Next(Pairs);
        var q2 = (q1 + 1 + random.Next(Pairs - 1)) % Pairs;
        return $"{context}?{keys[q1]}{keys[q2]}";
    }

    static IEnumerable<char> Values(string input)
    {
        var split = input.IndexOf('?');
        if (split < 0 || split % 2 != 0)
            throw new ArgumentException($"Lookup input '{input}' must be key-digit pairs, '?', then the query keys.", nameof(input));
        foreach (var key in input[(split + 1)..])
        {
            var at = -1;
            for (var i = 0; i < split; i += 2)
                if (input[i] == key) at = i;
            yield return at >= 0 ? input[at + 1]
                : throw new ArgumentException($"Query key '{key}' of '{input}' is not in the context.", nameof(input));
        }
    }
}
