namespace Lectures.Sparsification;

/// <summary>
/// How removing one candidate edge changes the multiset of vertex scores {s_t}: the net count of each score value
/// (+1 for every new value, -1 for every old one), zero nets dropped, sorted by value.
/// Comparing the sorted score vectors of two candidates (same current scores) lexicographically reduces to these
/// changes: at the smallest value y where their net counts differ, the candidate with the larger net count has
/// more scores &lt;= y, so its sorted vector is smaller there. Exact, integer only.
/// </summary>
internal static class ScoreChange
{
    /// <summary>The change [y_0, net_0, y_1, net_1, ...] from old and new scores of the affected vertices.</summary>
    public static long[] Of(List<(long Value, int Sign)> changes)
    {
        changes.Sort((p, q) => p.Value.CompareTo(q.Value));
        var result = new List<long>();
        for (var k = 0; k < changes.Count;)
        {
            var value = changes[k].Value;
            long net = 0;
            for (; k < changes.Count && changes[k].Value == value; k++) net += changes[k].Sign;
            if (net != 0)
            {
                result.Add(value);
                result.Add(net);
            }
        }
        return result.ToArray();
    }

    /// <summary>
    /// Negative when removing the first candidate leaves the lexicographically larger sorted score vector (it ranks
    /// first), positive when the second does, 0 for an exact tie.
    /// </summary>
    public static int Compare(long[] first, long[] second)
    {
        int i = 0, j = 0;
        while (i < first.Length || j < second.Length)
        {
            var y = Math.Min(i < first.Length ? first[i] : long.MaxValue, j < second.Length ? second[j] : long.MaxValue);
            var netFirst = i < first.Length && first[i] == y ? first[i + 1] : 0;
            var netSecond = j < second.Length && second[j] == y ? second[j + 1] : 0;
            if (netFirst != netSecond) return netFirst < netSecond ? -1 : 1;
            if (i < first.Length && first[i] == y) i += 2;
            if (j < second.Length && second[j] == y) j += 2;
        }
        return 0;
    }
}
