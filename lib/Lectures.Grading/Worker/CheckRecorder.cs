using Lectures.Grading.Sandbox;

namespace Lectures.Grading.Worker;

/// <summary>
/// The checks of the cell the worker is running: a call whose site is one of the cell's (<see cref="WorkerCell.CheckSites"/>)
/// updates that site's <see cref="CheckResult"/>; any other call (another cell's site, an unknown id, Points.Check
/// itself) is counted as stray and earns nothing.
/// </summary>
sealed class CheckRecorder
{
    readonly Lock gate = new();
    Dictionary<string, int>? sites;
    CheckResult?[] results = [];
    int strays;

    /// <summary>Starts recording for a cell with site ids <paramref name="cellSites"/> (null: a cell without checks).</summary>
    public void Begin(IReadOnlyList<string>? cellSites)
    {
        lock (gate)
        {
            sites = cellSites?.Select((id, i) => (id, i)).ToDictionary(s => s.id, s => s.i, StringComparer.Ordinal);
            results = new CheckResult?[cellSites?.Count ?? 0];
            strays = 0;
        }
    }

    /// <summary>Ends the cell: its reached sites in source order (null for a cell without checks) and its stray calls.</summary>
    public (IReadOnlyList<CheckResult>? Checks, int Strays) End()
    {
        lock (gate)
        {
            var checks = sites is null ? null : results.OfType<CheckResult>().ToList();
            var ended = (checks, strays);
            Begin(null);
            return ended;
        }
    }

    /// <summary>
    /// One call at <paramref name="site"/>: the site holds while every call held; its points are the largest given;
    /// its message is that of the first failed call, else of the first call.
    /// </summary>
    public void Record(string site, bool condition, double points, string message)
    {
        lock (gate)
        {
            if (sites is null || !sites.TryGetValue(site, out var i))
            {
                strays++;
                return;
            }
            results[i] = results[i] is { } seen
                ? seen with { Points = Math.Max(seen.Points, points), Passed = seen.Passed && condition, Message = seen.Passed && !condition ? message : seen.Message }
                : new CheckResult(i + 1, points, condition, message);
        }
    }

    /// <summary>A call of Points.Check that no test cell's rewrite reached.</summary>
    public void Stray()
    {
        lock (gate) strays++;
    }
}
