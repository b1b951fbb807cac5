using System.Globalization;

namespace Lectures;

/// <summary>A fraction shown as a percentage: <c>new Percent(0.873)</c> shows as "87.3%" (100·Fraction, one decimal).</summary>
/// <param name="Fraction">The fraction, 1 = 100%.</param>
public readonly record struct Percent(double Fraction)
{
    /// <summary>100·Fraction with one decimal and a "%" sign; two significant digits when that would round a
    /// non-zero value to 0.0 (e.g. "0.0012%"); "–" for NaN.</summary>
    public override string ToString() => Format(100 * Fraction) + "%";

    internal static string Format(double percent)
    {
        if (double.IsNaN(percent)) return Tables.Missing;
        if (percent == 0) return "0.0";
        return percent.ToString(Math.Abs(percent) < 0.05 ? "G2" : "0.0", CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// A difference of two percentages, in percentage points: <c>new PercentagePoints(2.1)</c> shows as "+2.1 pts"
/// (signed, one decimal), so it is never read as a relative change in %.
/// </summary>
/// <param name="Points">The difference in points (87.3% − 85.2% = 2.1 points).</param>
public readonly record struct PercentagePoints(double Points)
{
    /// <summary>Creates the difference a − b of two percentages.</summary>
    public static PercentagePoints Between(Percent a, Percent b) => new(100 * (a.Fraction - b.Fraction));

    /// <summary>"+2.1 pts", "-0.4 pts", "0.0 pts" (one decimal, signed); "–" for NaN.</summary>
    public override string ToString()
    {
        if (double.IsNaN(Points)) return Tables.Missing;
        var text = Percent.Format(Points);
        return (Points > 0 && text.Any(c => c is >= '1' and <= '9') ? "+" : "") + text + " pts";
    }
}
