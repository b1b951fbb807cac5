namespace Lectures.Plotting;

/// <summary>One bar of a grouped bar chart summarised over repeated runs.</summary>
/// <param name="Category">The group on the x axis (e.g. the model).</param>
/// <param name="Series">The bar within the group (legend entry, e.g. the placement).</param>
/// <param name="Mean">Mean of the values.</param>
/// <param name="StandardDeviation">Sample standard deviation (0 for a single value).</param>
/// <param name="Count">Number of values.</param>
/// <param name="Note">Hover text shown on the bar (e.g. the walk index).</param>
public sealed record CategoryMean(string Category, string Series, double Mean, double StandardDeviation, int Count, string Note = "");
