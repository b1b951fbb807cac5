using System.Globalization;

namespace Lectures;

/// <summary>Raised by a notebook self-check whose claim does not hold.</summary>
public sealed class CheckFailedException(string message) : Exception(message);

/// <summary>
/// Self-checks for lecture notebooks: each returns a one-line confirmation to display, or throws
/// <see cref="CheckFailedException"/> saying what was claimed and what was measured.
/// </summary>
public static class Check
{
    /// <summary>Checks |actual - expected| &lt;= tolerance.</summary>
    public static string Close(string claim, double actual, double expected, double tolerance) =>
        Math.Abs(actual - expected) <= tolerance
            ? $"✓ {claim}: {Format(actual)} (expected {Format(expected)} ± {Format(tolerance)})"
            : throw new CheckFailedException($"✗ {claim}: measured {Format(actual)}, expected {Format(expected)} ± {Format(tolerance)}.");

    /// <summary>Checks lower &lt;= actual &lt;= upper.</summary>
    public static string Between(string claim, double actual, double lower, double upper) =>
        actual >= lower && actual <= upper
            ? $"✓ {claim}: {Format(actual)} is in [{Format(lower)}, {Format(upper)}]"
            : throw new CheckFailedException($"✗ {claim}: measured {Format(actual)}, expected a value in [{Format(lower)}, {Format(upper)}].");

    /// <summary>Checks a condition; <paramref name="measured"/> says what was seen.</summary>
    public static string That(string claim, bool holds, string measured) =>
        holds ? $"✓ {claim}: {measured}" : throw new CheckFailedException($"✗ {claim}: {measured}.");

    static string Format(double x) =>
        x == 0 || (Math.Abs(x) >= 1e-3 && Math.Abs(x) < 1e6)
            ? x.ToString("0.######", CultureInfo.InvariantCulture)
            : x.ToString("0.###E+0", CultureInfo.InvariantCulture);
}
