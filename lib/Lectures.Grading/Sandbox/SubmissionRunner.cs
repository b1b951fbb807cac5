using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lectures.Grading.Checking;
using Lectures.Grading.Scoring;
using Lectures.Grading.Worker;

namespace Lectures.Grading.Sandbox;

/// <summary>The outcome of every cell of one submission, and whether the submission wrote files.</summary>
/// <param name="Outcomes">Outcome per cell key; every key given to the runner has one.</param>
/// <param name="WroteFiles">The files the submission left in its working folder (empty when none), over all worker runs.</param>
/// <param name="Output">What each worker run wrote outside its result channel (capped, see <see cref="GradingLimits.MaxCapturedOutputBytes"/>), in run order.</param>
public sealed record SubmissionRun(IReadOnlyDictionary<string, CellOutcome> Outcomes, IReadOnlyList<string> WroteFiles, IReadOnlyList<string> Output);

/// <summary>
/// Runs a submission's cells in worker processes (<c>dotnet Lectures.Grading.dll worker</c>), each in the OS
/// <see cref="OsSandbox"/> (or, with <see cref="GradingLimits.Unsandboxed"/>, in a fresh empty folder), with the heap
/// capped by DOTNET_GCHeapHardLimit and the rlimits of <see cref="WorkerLimits"/>. When a cell times out or kills
/// the worker (a stack overflow), the cell gets that status and the notebook runs again from the start without it, so
/// the cells after it still earn their points. All runs together get the notebook time limit. The cells are compiled
/// here, in the grader, after a size check: a submission over <see cref="GradingLimits.MaxCodeCells"/> cells or
/// <see cref="GradingLimits.MaxSourceCharacters"/> characters is not compiled and gets <see cref="GradeStatus.TooLarge"/>,
/// and so does one whose compile outlasts the notebook time limit (the compile's time counts against it).
/// </summary>
public static class SubmissionRunner
{
    /// <summary>Compiles <paramref name="cells"/> with every check (<see cref="CellChecks.All"/>) and runs them under <paramref name="limits"/>.</summary>
    public static SubmissionRun Run(IReadOnlyList<SourceCell> cells, GradingLimits limits)
    {
        var clock = Stopwatch.StartNew();
        return Run(Compile(cells, CellChecks.All, limits, clock), limits, clock);
    }

    /// <summary>
    /// Compiles <paramref name="cells"/> with <paramref name="checks"/> before <paramref name="clock"/> reaches the
    /// notebook time limit. When none of it may run (too large, or the compile outlasts the limit) the result has no
    /// cells and every cell is rejected as too-large.
    /// </summary>
    public static CompiledNotebook Compile(IReadOnlyList<SourceCell> cells, IReadOnlyList<CellCheck> checks, GradingLimits limits, Stopwatch clock)
    {
        if (TooLarge(cells) is { } reason) return NoneRuns(cells, reason);
        // The compile counts against the notebook's time: a small source that is slow to compile cannot hold the grader.
        CompiledNotebook compiled;
        using (var budget = new CancellationTokenSource(limits.NotebookTimeout))
        {
            try
            {
                compiled = CellCompiler.Compile(cells, checks, budget.Token);
            }
            catch (OperationCanceledException)
            {
                return CompileTooSlow(cells, limits);
            }
        }
        // The token's timer can fire late when the thread pool is busy: the clock decides.
        return clock.Elapsed > limits.NotebookTimeout ? CompileTooSlow(cells, limits) : compiled;
    }

    /// <summary>
    /// Runs the <paramref name="compiled"/> cells under <paramref name="limits"/>, in the time the notebook has left
    /// on <paramref name="clock"/>; the rejected cells keep their outcomes.
    /// </summary>
    public static SubmissionRun Run(CompiledNotebook compiled, GradingLimits limits, Stopwatch clock)
    {
        var outcomes = compiled.Rejected.ToDictionary(o => o.Key);
        var plan = compiled.Cells.ToList();
        var wrote = new SortedSet<string>(StringComparer.Ordinal);
        var output = new List<string>();
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
            var stopped = RunOnce(plan, limits, left, outcomes, wrote, output);
            if (stopped is null) break;
            var index = plan.FindIndex(c => c.Key == stopped);
            plan[index] = plan[index] with { Skip = true };
        }
        foreach (var cell in compiled.Cells.Where(c => !outcomes.ContainsKey(c.Key)))
            outcomes[cell.Key] = new CellOutcome(cell.Key, GradeStatus.NotRun, "The worker stopped before this cell.");
        return new SubmissionRun(outcomes, wrote.ToList(), output);
    }

    /// <summary>Why <paramref name="cells"/> are too many or too long to compile, or null.</summary>
    static string? TooLarge(IReadOnlyList<SourceCell> cells)
    {
        var characters = cells.Sum(c => (long)c.Source.Length);
        return cells.Count > GradingLimits.MaxCodeCells
            ? $"The notebook has {cells.Count} code cells; the grader runs at most {GradingLimits.MaxCodeCells}."
            : characters > GradingLimits.MaxSourceCharacters
                ? $"The notebook's code cells hold {characters} characters; the grader runs at most {GradingLimits.MaxSourceCharacters}."
                : null;
    }

    /// <summary>One worker run; records outcomes and written files, and returns the key of the cell that stopped the worker, or null.</summary>
    static string? RunOnce(IReadOnlyList<WorkerCell> plan, GradingLimits limits, TimeSpan timeout, Dictionary<string, CellOutcome> outcomes,
        SortedSet<string> wrote, List<string> output)
    {
        var input = JsonSerializer.Serialize(new WorkerPlan(limits.CellTimeout.TotalSeconds, limits.WorkerLimits(timeout, !limits.Unsandboxed), plan),
            WorkerJson.Default.WorkerPlan);
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_GCHeapHardLimit"] = ((long)limits.MemoryMegabytes * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture),
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_EnableDiagnostics"] = "0",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        var folder = limits.Unsandboxed
            ? Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lectures-grade-" + Guid.NewGuid().ToString("N"))).FullName
            : null;
        SandboxProcess.Result result;
        try
        {
            result = SandboxProcess.Run(OsSandbox.Worker(environment, folder), input, timeout);
        }
        finally
        {
            if (folder is not null) DeleteFolder(folder);
        }
        output.Add(result.Output);

        string? running = null;
        foreach (var line in result.Channel.Split('\n'))
        {
            if (line.StartsWith("start ", StringComparison.Ordinal)) running = line["start ".Length..];
            else if (line.StartsWith("end ", StringComparison.Ordinal))
            {
                var outcome = JsonSerializer.Deserialize(line["end ".Length..], WorkerJson.Default.CellOutcome)!;
                outcomes[outcome.Key] = outcome;
                running = outcome.Status == GradeStatus.Timeout ? outcome.Key : null;
            }
            else if (line.StartsWith("files ", StringComparison.Ordinal))
                wrote.UnionWith(JsonSerializer.Deserialize(line["files ".Length..], WorkerJson.Default.WrittenFiles)!.Paths);
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

    /// <summary>Deletes an unsandboxed run's folder; what a submission made undeletable stays in the temp folder rather than failing its grade.</summary>
    static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the system's temp cleanup.
        }
    }

    /// <summary>Every cell too-large: compiling the notebook took longer than the notebook's time limit, so none of it runs.</summary>
    static CompiledNotebook CompileTooSlow(IReadOnlyList<SourceCell> cells, GradingLimits limits) =>
        NoneRuns(cells, $"Compiling the notebook took longer than its time limit ({limits.NotebookTimeout.TotalSeconds:0.###} s); none of it runs.");

    /// <summary>No cell to run, every cell rejected as too-large with <paramref name="reason"/>.</summary>
    static CompiledNotebook NoneRuns(IReadOnlyList<SourceCell> cells, string reason) =>
        new([], cells.Select(c => new CellOutcome(c.Key, GradeStatus.TooLarge, reason)).ToList());

    static CellOutcome NotebookTimedOut(string key, GradingLimits limits) =>
        new(key, GradeStatus.NotebookTimeout, $"The notebook did not finish within {limits.NotebookTimeout.TotalSeconds:0.#} s.");

    static CellOutcome Died(string key, SandboxProcess.Result result) =>
        result.Output.Contains("Stack overflow", StringComparison.Ordinal)
            ? new CellOutcome(key, GradeStatus.StackOverflow, "The cell overflowed the stack (unbounded recursion?) and the notebook's process died.")
            : result.Output.Contains("OutOfMemory", StringComparison.Ordinal)
                ? new CellOutcome(key, GradeStatus.OutOfMemory, "The cell ran out of memory and the notebook's process died.")
                : new CellOutcome(key, GradeStatus.Crashed, $"The notebook's process died in this cell (exit code {result.ExitCode}).");
}
