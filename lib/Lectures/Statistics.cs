using MathNet.Numerics.Statistics;

namespace Lectures;

/// <summary>Summaries of repeated measurements (e.g. one accuracy per seed).</summary>
public static class Statistics
{
    /// <summary>
    /// The mean m = (1/n) sum_i v_i and the sample standard deviation s = sqrt(sum_i (v_i - m)^2 / (n - 1)) of
    /// <paramref name="values"/>, with s = 0 for a single value.
    /// </summary>
    public static (double Mean, double StandardDeviation) MeanAndStd(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("No values: a mean and standard deviation need at least one.", nameof(values));
        var v = values as double[] ?? values.ToArray();
        return (v.Mean(), v.Length > 1 ? v.StandardDeviation() : 0);
    }
}
