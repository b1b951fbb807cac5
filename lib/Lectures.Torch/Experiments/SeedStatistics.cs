using Lectures.Plotting;

namespace Lectures.Torch.Experiments;

/// <summary>Statistics over the seeds of an experiment.</summary>
public static class SeedStatistics
{
    /// <summary>
    /// The point (series, x) with the mean of <paramref name="values"/> and their sample standard deviation
    /// s = sqrt(sum (v - mean)^2 / (n - 1)) (0 for a single value; <see cref="Statistics.MeanAndStd"/>), and n.
    /// </summary>
    public static SeriesPoint Summarise(string series, double x, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException($"No values to summarise for {series} at {x}.", nameof(values));
        var (mean, std) = Statistics.MeanAndStd(values);
        return new(series, x, mean, std, values.Count);
    }
}
