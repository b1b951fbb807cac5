namespace Lectures.TextTasks;

/// <summary>The partial-credit reward of the text tasks: how close an output string is to the reference.</summary>
public static class EditSimilarity
{
    /// <summary>Levenshtein distance: the fewest single-character insertions, deletions and substitutions that turn
    /// <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>r(y, y*) = 1 - Levenshtein(y, y*) / max(|y|, |y*|), in [0, 1]; 1 for two empty strings.</summary>
    public static double Similarity(string output, string reference)
    {
        var longest = Math.Max(output.Length, reference.Length);
        return longest == 0 ? 1 : 1 - (double)Distance(output, reference) / longest;
    }
}
