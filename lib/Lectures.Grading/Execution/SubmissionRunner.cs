using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lectures.Grading.Worker;

namespace Lectures.Grading.Execution;

/// <summary>The outcome of every cell of one submission, and whether the submission wrote files.</summary>
/// <param name="Outcomes">Outcome per cell key; every key given to the runner has one.</param>
/// <param name="WroteFiles">The files the submission left in its working folder (empty when none).</param>
public sealed record SubmissionRun(IReadOnlyDictionary<string, CellOutcome> Outcomes, IReadOnlyList<string> WroteFiles);

/// <summary>
/// Runs a submission's cells in worker processes (<c>dotnet Lectures.Grading.dll worker</c>), each in a fresh empty
/// working folder, with the heap capped by DOTNET_GCHeapHardLimit. When a cell times out or kills the worker (a
/// stack overflow), the cell gets that status and the notebook runs again from the start without it, so the
/// cells after it still earn their points. All runs together get the notebook time limit.
/// </summary>
public static class SubmissionRunner
{
    /// <summary>Compiles and runs <paramref name="cells"/> under <paramref name="limits"/>.</summary>
    public static SubmissionRun Run(IReadOnlyList<SourceCell> cells, GradingLimits limits)
    {
        var compiled = CellCompiler.Compile(cells);
        var outcomes = compiled.Rejected.ToDictionary(o => o.Key);
        var plan = compiled.Cells.ToList();
        var sandbox = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lectures-grade-" + Guid.NewGuid().ToString("N"))).FullName;
        var clock = Stopwatch.StartNew();
        try
        {
            // Each rerun skips at least one more cell, so there are at most as many runs as cells.
            for (var attempt = 0; attempt <= plan.Count; attempt++)
            {
                var left = limits.NotebookTimeout - clock.Elapsed;
                var pending = plan.Where(c => !c.Skip).Select(c => c.Key).ToList();
                if (pending.Count == 0) break;
                if (left <= TimeSpan.Zero)
                {
                    foreach (var key in pending) outcomes[key] = NotebookTimedOut(key, limits);
                    break;
                }
                var stopped = RunOnce(plan, limits, left, sandbox, outcomes);
                if (stopped is null) break;
                var index = plan.FindIndex(c => c.Key == stopped);
                plan[index] = plan[index] with { Skip = true };
            }
            foreach (var cell in compiled.Cells.Where(c => !outcomes.ContainsKey(c.Key)))
                outcomes[cell.Key] = new CellOutcome(cell.Key, CellStatus.NotRun, "The worker stopped before this cell.");
            var wrote = Directory.EnumerateFileSystemEntries(sandbox, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(sandbox, p)).Order(StringComparer.Ordinal).ToList();
            return new SubmissionRun(outcomes, wrote);
        }
        finally
        {
            Directory.Delete(sandbox, recursive: true);
        }
    }

    /// <summary>One worker run; records outcomes and returns the key of the cell that stopped the worker, or null.</summary>
    static string? RunOnce(IReadOnlyList<WorkerCell> plan, GradingLimits limits, TimeSpan timeout, string sandbox, Dictionary<string, CellOutcome> outcomes)
    {
        var token = Guid.NewGuid().ToString("N");
        var input = JsonSerializer.Serialize(new WorkerPlan(token, limits.CellTimeout.TotalSeconds, plan), WorkerJson.Default.WorkerPlan);
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_GCHeapHardLimit"] = ((long)limits.MemoryMegabytes * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture),
            ["DOTNET_gcServer"] = "0",
        };
        var result = Shell.Run("dotnet", new[] { typeof(CellWorker).Assembly.Location, "worker" }, sandbox, timeout, input, environment);

        string? running = null;
        foreach (var line in result.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(token + " ", StringComparison.Ordinal)))
        {
            var report = line[(token.Length + 1)..];
            if (report.StartsWith("start ", StringComparison.Ordinal)) running = report["start ".Length..];
            else if (report.StartsWith("end ", StringComparison.Ordinal))
            {
                var outcome = JsonSerializer.Deserialize(report["end ".Length..], WorkerJson.Default.CellOutcome)!;
                outcomes[outcome.Key] = outcome;
                running = outcome.Status == CellStatus.Timeout ? outcome.Key : null;
            }
        }
        if (result.TimedOut)
        {
            foreach (var cell in plan.Where(c => !c.Skip && (!outcomes.ContainsKey(c.Key) || c.Key == running)))
                outcomes[cell.Key] = NotebookTimedOut(cell.Key, limits);
            return null;
        }
        if (running is not null && !outcomes.ContainsKey(running)) outcomes[running] = Died(running, result);
        if (running is null && result.ExitCode != 0)
            foreach (var cell in plan.Where(c => !c.Skip && !outcomes.ContainsKey(c.Key)))
                outcomes[cell.Key] = Died(cell.Key, result);
        return running;
    }

    static CellOutcome NotebookTimedOut(string key, GradingLimits limits) =>
        new(key, CellStatus.NotebookTimeout, $"The notebook did not finish within {limits.NotebookTimeout.TotalSeconds:0.#} s.");

    static CellOutcome Died(string key, Shell.Result result) =>
        result.Output.Contains("Stack overflow", StringComparison.Ordinal)
            ? new CellOutcome(key, CellStatus.StackOverflow, "The cell overflowed the stack (unbounded recursion?) and the notebook's process died.")
            : result.Output.Contains("OutOfMemory", StringComparison.Ordinal)
                ? new CellOutcome(key, CellStatus.OutOfMemory, "The cell ran out of memory and the notebook's process died.")
                : new CellOutcome(key, CellStatus.Crashed, $"The notebook's process died in this cell (exit code {result.ExitCode}).");
}
