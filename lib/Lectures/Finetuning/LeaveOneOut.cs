namespace Lectures.Finetuning;

/// <summary>
/// The leave-one-out baseline of m sampled rewards r_1..r_m of one input: b_j = (sum_{s != j} r_s) / (m - 1), the mean
/// of the other samples' rewards (b_j = 0 when m = 1), which keeps the REINFORCE estimate unbiased and lowers its variance.
/// </summary>
public static class LeaveOneOut
{
    /// <summary>The advantages A_j = r_j - b_j of <paramref name="rewards"/>, written into <paramref name="advantages"/>.</summary>
    public static void Advantages(ReadOnlySpan<double> rewards, Span<double> advantages)
    {
        if (rewards.Length == 0 || advantages.Length != rewards.Length)
            throw new ArgumentException($"Expected at least one reward and as many advantages; got {rewards.Length} rewards and {advantages.Length} advantages.", nameof(advantages));
        var m = rewards.Length;
        var total = 0.0;
        foreach (var r in rewards) total += r;
        for (var j = 0; j < m; j++)
            advantages[j] = rewards[j] - (m > 1 ? (total - rewards[j]) / (m - 1) : 0.0);
    }
}
