namespace Lectures.Torch.Finetuning;

/// <summary>Reward and reward-std statistics of a group of inputs (the call site of the reward-std monitor).</summary>
static class GroupStatistics
{
    /// <summary>Mean STD, its 10th percentile (linear interpolation) and the fraction of STD below the threshold.</summary>
    public static (double Mean, double P10, double SmallFraction) RewardStd(IReadOnlyList<double> stds, double threshold)
    {
        var sorted = stds.Order().ToArray();
        var position = 0.1 * (sorted.Length - 1);
        var lo = (int)Math.Floor(position);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        var p10 = sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
        return (sorted.Average(), p10, sorted.Count(s => s < threshold) / (double)sorted.Length);
    }
}
