using System.Globalization;

namespace Lectures;

/// <summary>
/// Partial credit inside an assignment's test cell: each <see cref="Check"/> written in the cell is one check worth
/// its points, and the cell earns min(cell's points, Σ points of the checks that held). In a notebook each call
/// prints "✓ 2/2 message" or "✗ 0/2 message"; when grading, only the checks written in the test cell itself count.
/// </summary>
public static class Points
{
    /// <summary>Set by the grader's worker: a call that reaches this method (not one of a test cell's own checks) earns nothing there and is reported.</summary>
    internal static Action? Stray { get; set; }

    /// <summary>
    /// Check worth <paramref name="points"/>: earned when <paramref name="condition"/> holds. Prints the line
    /// <see cref="Line"/> and returns <paramref name="condition"/>; a failed check does not stop the cell.
    /// </summary>
    public static bool Check(bool condition, double points, string message)
    {
        var line = Line(condition, points, message);
        if (Stray is { } stray) stray();
        else Console.WriteLine(line);
        return condition;
    }

    /// <summary>"✓ p/p message" when <paramref name="condition"/> holds, else "✗ 0/p message"; throws ArgumentException for points that are not finite and positive.</summary>
    public static string Line(bool condition, double points, string message)
    {
        if (!double.IsFinite(points) || points <= 0)
            throw new ArgumentException($"A check's points must be a positive number, got {points.ToString(CultureInfo.InvariantCulture)}.", nameof(points));
        ArgumentNullException.ThrowIfNull(message);
        var earned = condition ? points : 0;
        return $"{(condition ? "✓" : "✗")} {Format(earned)}/{Format(points)} {message}";
    }

    static string Format(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
}
