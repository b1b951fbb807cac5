namespace Lectures.Grading.Worker;

/// <summary>
/// What a test cell's <c>Lectures.Points.Check(condition, points, message)</c> calls become when the grader compiles
/// the cell (<see cref="Checking.CheckSites"/>): each call carries the id of its site, and the worker counts it only
/// while the cell that owns the site runs. Student cells may not use this type (the allow-list denies the grader's namespaces).
/// </summary>
public static class TestChecks
{
    static CheckRecorder? recorder;

    /// <summary>Makes <paramref name="checks"/> receive every check of the worker's cells, and every other call of Points.Check as a stray one.</summary>
    internal static void RecordInto(CheckRecorder checks)
    {
        recorder = checks;
        Points.Stray = checks.Stray;
    }

    /// <summary>Records check <paramref name="site"/>: worth <paramref name="points"/>, held when <paramref name="condition"/> is true; returns <paramref name="condition"/>.</summary>
    public static bool Record(string site, bool condition, double points, string message)
    {
        Points.Line(condition, points, message);   // the same argument checks as in a notebook
        var checks = recorder ?? throw new InvalidOperationException("TestChecks.Record counts checks only inside the grading worker.");
        checks.Record(site, condition, points, message);
        return condition;
    }
}
