using System.Globalization;

namespace Lectures.Torch.Experiments;

/// <summary>
/// Shard <paramref name="Index"/> of <paramref name="Count"/> (1-based, written "K/N"): the share of a grid of T runs,
/// in grid order, that one machine runs. Shard K holds the runs with grid index i, floor((K-1) T / N) &lt;= i &lt; floor(K T / N):
/// contiguous blocks, so the runs of one seed (which share a split, a pretrained model or a removal order) mostly stay together.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>"K/N" with 1 &lt;= K &lt;= N, or an ArgumentException naming the text.</summary>
    public static Shard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || k < 1 || k > n)
            throw new ArgumentException($"The shard '{text}' is malformed: expected K/N with 1 <= K <= N, e.g. 2/8.");
        return new Shard(k, n);
    }

    /// <summary>The grid indices [Start, End) of this shard in a grid of <paramref name="total"/> runs.</summary>
    public (int Start, int End) Range(int total) => ((int)((long)(Index - 1) * total / Count), (int)((long)Index * total / Count));

    /// <summary>"K/N".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
