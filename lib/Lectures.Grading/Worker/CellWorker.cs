using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Lectures.Grading.Sandbox;
using Lectures.Grading.Scoring;

namespace Lectures.Grading.Worker;

/// <summary>
/// Runs a plan's compiled cells in order, sharing one submission array as a script session does. On its result
/// channel <paramref name="report"/> it writes "start KEY" before and "end {outcome as JSON}" after each cell, and
/// "files {<see cref="WrittenFiles"/> as JSON}" when it stops (<see cref="SandboxFiles.Scan"/> of its working
/// folder). The channel is a descriptor only this harness holds (<see cref="SandboxNative.TakeStandardOutput"/>):
/// the cells' Console writes to nothing, and the process's standard output and error go to the grader's capped
/// capture, so what a cell prints can never read as a report. A cell that outruns its limit is reported and the
/// process exits with <see cref="TimedOutExitCode"/>: its thread cannot be stopped, and the grader runs the notebook
/// again without that cell. Each outcome carries the checks its cell recorded (<see cref="CheckRecorder"/>).
/// </summary>
sealed class CellWorker(WorkerPlan plan, TextWriter report)
{
    readonly CheckRecorder checks = new();

    /// <summary>The exit code after a cell timed out.</summary>
    public const int TimedOutExitCode = 3;

    /// <summary>Runs every cell that is not skipped, then reports the files left in the working folder; returns the process exit code.</summary>
    public int Run()
    {
        var exitCode = RunCells();
        var files = new WrittenFiles(SandboxFiles.Scan(Environment.CurrentDirectory));
        report.WriteLine($"files {JsonSerializer.Serialize(files, WorkerJson.Default.WrittenFiles)}");
        return exitCode;
    }

    int RunCells()
    {
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);
        // Each submission references the earlier ones by their generated assembly names.
        var loaded = plan.Cells.Select(c => Assembly.Load(c.Assembly)).ToList();
        var byName = loaded.ToDictionary(a => a.GetName().Name!, StringComparer.Ordinal);
        AssemblyLoadContext.Default.Resolving += (_, name) => byName.GetValueOrDefault(name.Name ?? "");
        // Slot 0 holds the globals object (none); submission k stores itself in the slot its compiler gave it.
        var submissions = new object?[plan.Cells.Count + 2];
        TestChecks.RecordInto(checks);
        for (var i = 0; i < plan.Cells.Count; i++)
        {
            var cell = plan.Cells[i];
            if (cell.Skip) continue;
            report.WriteLine($"start {cell.Key}");
            var factory = loaded[i].GetType(cell.EntryType, throwOnError: true)!
                .GetMethod("<Factory>", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!;
            checks.Begin(cell.CheckSites);
            var ran = RunCell(cell.Key, () => (Task)factory.Invoke(null, new object[] { submissions })!);
            var (recorded, strays) = checks.End();
            var outcome = ran with { Checks = recorded, StrayChecks = strays };
            report.WriteLine($"end {JsonSerializer.Serialize(outcome, WorkerJson.Default.CellOutcome)}");
            if (outcome.Status == GradeStatus.Timeout) return TimedOutExitCode;
        }
        return 0;
    }

    CellOutcome RunCell(string key, Func<Task> start)
    {
        var run = Task.Run(start);
        try
        {
            if (!run.Wait(TimeSpan.FromSeconds(plan.CellTimeoutSeconds)))
                return new CellOutcome(key, GradeStatus.Timeout, $"The cell did not finish within {plan.CellTimeoutSeconds:0.#} s.");
            return new CellOutcome(key, GradeStatus.Passed, "");
        }
        catch (AggregateException e)
        {
            var error = Unwrap(e);
            return new CellOutcome(key, StatusOf(error), $"{error.GetType().Name}: {error.Message}");
        }
    }

    static Exception Unwrap(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerException!),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => e,
    };

    static GradeStatus StatusOf(Exception e) => e switch
    {
        NotImplementedException => GradeStatus.NotImplemented,
        OutOfMemoryException => GradeStatus.OutOfMemory,
        InsufficientExecutionStackException => GradeStatus.StackOverflow,
        _ => GradeStatus.Failed,
    };
}
