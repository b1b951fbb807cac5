namespace Lectures.Sparsification;

/// <summary>
/// How removing one candidate edge changes the multiset of vertex scores {s_t}: the net count of each score value
/// (+1 for every new value, -1 for every old one), zero nets dropped, sorted by value, stored as
/// [y_0, net_0, y_1, net_1, ...]. Comparing the sorted score vectors of two candidates (same current scores)
/// lexicographically reduces to these changes: at the smallest value y where their net counts differ, the
/// candidate with the larger net count has more scores &lt;= y, so its sorted vector is smaller there. The order of
/// changes does not refer to the current scores, so changes computed at different times can be compared too.
/// Exact, integer only. An instance collects the (old, new) pairs of one candidate, reusing its buffers.
/// </summary>
internal sealed class ScoreChange
{
    /// <summary>Scores must stay below 2^62: a value and its sign share one 64-bit word while sorting.</summary>
    private const long Limit = 1L << 62;

    private long[] values = new long[16];
    private int count;
    private long[] nets = new long[16];
    private int netCount = -1;

    /// <summary>Starts a new candidate.</summary>
    public void Clear()
    {
        count = 0;
        netCount = -1;
    }

    /// <summary>Vertex t's score goes from <paramref name="before"/> to <paramref name="after"/>; equal values are no change.</summary>
    public void Add(long before, long after)
    {
        if (before == after) return;
        if ((ulong)before >= Limit || (ulong)after >= Limit)
            throw new OverflowException($"WIS scores must be below 2^62 to be compared exactly, got {Math.Max(before, after)}.");
        if (count + 2 > values.Length) Array.Resize(ref values, 2 * values.Length);
        netCount = -1;
        values[count++] = before << 1;
        values[count++] = (after << 1) | 1;
    }

    /// <summary>Whether the collected change equals <paramref name="stored"/>.</summary>
    public bool Matches(long[] stored) => Net().SequenceEqual(stored);

    /// <summary>The collected change as [y_0, net_0, y_1, net_1, ...].</summary>
    public long[] ToArray() => Net().ToArray();

    private ReadOnlySpan<long> Net()
    {
        if (netCount >= 0) return nets.AsSpan(0, netCount);
        var sorted = values.AsSpan(0, count);
        sorted.Sort();
        if (nets.Length < 2 * count) nets = new long[2 * values.Length];
        netCount = 0;
        for (var k = 0; k < count;)
        {
            var value = sorted[k] >> 1;
            long net = 0;
            for (; k < count && sorted[k] >> 1 == value; k++) net += (sorted[k] & 1) == 1 ? 1 : -1;
            if (net != 0)
            {
                nets[netCount++] = value;
                nets[netCount++] = net;
            }
        }
        return nets.AsSpan(0, netCount);
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
