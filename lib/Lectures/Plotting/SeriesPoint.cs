namespace Lectures.Plotting;

/// <summary>One point of a curve summarised over repeated runs: at X, the mean and sample standard deviation of Count values.</summary>
/// <param name="Series">The curve the point belongs to (legend entry).</param>
/// <param name="X">The position on the x axis.</param>
/// <param name="Mean">Mean of the values.</param>
/// <param name="StandardDeviation">Sample standard deviation (0 for a single value).</param>
/// <param name="Count">Number of values.</param>
public sealed record SeriesPoint(string Series, double X, double Mean, double StandardDeviation, int Count);
