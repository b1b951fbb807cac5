using Lectures.Grading.Scoring;

namespace Lectures.Grading.Sandbox;

/// <summary>One code cell the grading worker runs, compiled by the grader, under a key unique within the run.</summary>
/// <param name="Key">The key the worker reports the outcome under.</param>
/// <param name="Assembly">The cell compiled as a script submission (Roslyn scripting), as a PE image.</param>
/// <param name="EntryType">The submission class whose static &lt;Factory&gt;(object[]) runs the cell.</param>
/// <param name="Skip">True when an earlier run showed this cell crashes or hangs the worker: it is loaded but not run.</param>
/// <param name="CheckSites">For a test cell with partial credit, the ids the grader gave its Points.Check calls, in
/// source order (<see cref="Checking.CheckSites"/>): only calls carrying one of them, while this cell runs, count; null for any other cell.</param>
public sealed record WorkerCell(string Key, byte[] Assembly, string EntryType, bool Skip, IReadOnlyList<string>? CheckSites = null);

/// <summary>What the worker is asked to do: run <paramref name="Cells"/> in order in one C# script session.</summary>
/// <param name="CellTimeoutSeconds">Time limit of one cell.</param>
/// <param name="Limits">The resource limits the worker sets on itself before any cell runs.</param>
/// <param name="Cells">The cells, in the order they run.</param>
public sealed record WorkerPlan(double CellTimeoutSeconds, WorkerLimits Limits, IReadOnlyList<WorkerCell> Cells);

/// <summary>
/// The rlimits of a worker process (Linux setrlimit, soft = hard, so the cells cannot raise them). They hold for every
/// process the cells start too.
/// </summary>
/// <param name="DataBytes">RLIMIT_DATA: the writable private memory (managed heap, native allocations, thread
/// stacks); the address space the runtime only reserves is not counted, so unlike RLIMIT_AS it can sit near real use.</param>
/// <param name="Processes">RLIMIT_NPROC: processes and threads of the sandbox's user (enforced only for a user other
/// than root, which is why the sandbox runs the worker as an unprivileged user).</param>
/// <param name="FileBytes">RLIMIT_FSIZE: the largest file a cell may write.</param>
/// <param name="CpuSeconds">RLIMIT_CPU: processor time of each process.</param>
public sealed record WorkerLimits(long DataBytes, int Processes, long FileBytes, int CpuSeconds);

/// <summary>How one cell ended, as the worker reports it.</summary>
/// <param name="Key">The cell's key.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">The error, or "" when the cell passed.</param>
/// <param name="Checks">For a cell with check sites, each site that was reached, in source order (empty when none
/// was); null for a cell without them, which is all-or-nothing.</param>
/// <param name="StrayChecks">Calls of Points.Check made while the cell ran that were not one of its own checks (a
/// student function, a read-only cell, a delegate, reflection): they earn nothing.</param>
public sealed record CellOutcome(string Key, GradeStatus Status, string Message, IReadOnlyList<CheckResult>? Checks = null, int StrayChecks = 0);

/// <summary>
/// One check of a test cell: one Points.Check call site of its source. It holds when every call of it held (a
/// check in a loop holds when it held every time); its points are the largest any call gave.
/// </summary>
/// <param name="Number">The site's place in the cell's source, from 1.</param>
/// <param name="Points">The points it is worth.</param>
/// <param name="Passed">True when every call held.</param>
/// <param name="Message">The message of the first call that failed, else of the first call.</param>
public sealed record CheckResult(int Number, double Points, bool Passed, string Message)
{
    /// <summary>Points earned: <see cref="Points"/> when it passed, else 0.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double Earned => Passed ? Points : 0;
}

/// <summary>The worker's list of the files a notebook left in its working folder.</summary>
/// <param name="Paths">Relative paths, in ordinal order, at most <see cref="SandboxFiles.MaxEntries"/>.</param>
public sealed record WrittenFiles(IReadOnlyList<string> Paths);

/// <summary>Source-generated JSON for the worker protocol: the worker starts faster without reflection-based serialization.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(WorkerPlan))]
[System.Text.Json.Serialization.JsonSerializable(typeof(CellOutcome))]
[System.Text.Json.Serialization.JsonSerializable(typeof(WrittenFiles))]
internal sealed partial class WorkerJson : System.Text.Json.Serialization.JsonSerializerContext;
