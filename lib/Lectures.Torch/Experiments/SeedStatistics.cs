using Lectures.Plotting;
using MathNet.Numerics.Statistics;

namespace Lectures.Torch.Experiments;

/// <summary>Statistics over the seeds of an experiment.</summary>
public static class SeedStatistics
{
    /// <summary>
    /// The point (series, x) with the mean of <paramref name="values"/> and their sample standard deviation
    /// s = sqrt(sum (v - mean)^2 / (n - 1)) (0 for a single value), and n.
    /// </summary>
    public static SeriesPoint Summarise(string series, double x, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException($"No values to summarise for {series} at {x}.", nameof(values));
        var v = values as double[] ?? values.ToArray();
        return new(series, x, v.Mean(), v.Length > 1 ? v.StandardDeviation() : 0, v.Length);
    }
}
