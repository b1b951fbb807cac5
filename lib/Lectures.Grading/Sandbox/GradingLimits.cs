namespace Lectures.Grading.Sandbox;

/// <summary>The limits a submission runs under.</summary>
/// <param name="CellTimeout">Longest time one cell may run.</param>
/// <param name="NotebookTimeout">Longest time all of a submission's runs together may take.</param>
/// <param name="MemoryMegabytes">The worker's managed heap cap (DOTNET_GCHeapHardLimit); a cell going over it gets
/// out-of-memory. Native memory is capped too: the worker's writable memory (RLIMIT_DATA) may be
/// <see cref="RuntimeOverheadMegabytes"/> more.</param>
/// <param name="Parallelism">How many submissions are graded at once, each in its own process.</param>
/// <param name="Unsandboxed">Run the workers without the OS sandbox (<see cref="OsSandbox"/>): for machines without
/// bubblewrap or user namespaces. Every grade then carries an <c>unsandboxed</c> line.</param>
public sealed record GradingLimits(TimeSpan CellTimeout, TimeSpan NotebookTimeout, int MemoryMegabytes, int Parallelism, bool Unsandboxed = false)
{
    /// <summary>10 s a cell, 120 s a notebook, 512 MB, 2 submissions at a time, sandboxed.</summary>
    public static GradingLimits Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(120), 512, 2);

    /// <summary>The most code cells a submission may have: the grader compiles them in its own process.</summary>
    public const int MaxCodeCells = 200;

    /// <summary>The most characters of source all of a submission's code cells may have together.</summary>
    public const int MaxSourceCharacters = 200_000;

    /// <summary>Writable memory the .NET runtime itself needs beside the heap (JIT, loaded assemblies, thread stacks).</summary>
    public const int RuntimeOverheadMegabytes = 256;

    /// <summary>Processes and threads one sandbox may hold (the runtime itself uses about 20 threads).</summary>
    public const int MaxProcesses = 128;

    /// <summary>The largest file a worker may write (RLIMIT_FSIZE), and the size of its writable folder (a tmpfs).</summary>
    public const long MaxFileBytes = 16L << 20;

    /// <summary>The worker's own output (crash messages, and whatever cells write to the raw streams) the grader keeps per run; the rest is dropped.</summary>
    public const int MaxCapturedOutputBytes = 1 << 20;

    /// <summary>Throws when a limit is not positive, or when the sandbox is asked for and not available.</summary>
    public GradingLimits Validated()
    {
        if (CellTimeout <= TimeSpan.Zero) throw new ArgumentException($"The cell time limit must be positive, got {CellTimeout.TotalSeconds} s.");
        if (NotebookTimeout < CellTimeout)
            throw new ArgumentException($"The notebook time limit ({NotebookTimeout.TotalSeconds} s) must be at least the cell limit ({CellTimeout.TotalSeconds} s).");
        if (MemoryMegabytes < 64) throw new ArgumentException($"The memory cap must be at least 64 MB, got {MemoryMegabytes} MB.");
        if (Parallelism < 1) throw new ArgumentException($"Parallelism must be at least 1, got {Parallelism}.");
        if (!Unsandboxed && OsSandbox.Problem is { } problem)
            throw new InvalidOperationException(
                $"Grading needs the OS sandbox, which is not available here: {problem} Install bubblewrap (apt-get install bubblewrap) " +
                "on Linux with user namespaces, or grade without isolation with --unsandboxed (students' code can then read, write and reach what the grader can).");
        return this;
    }

    /// <summary>
    /// The rlimits of a worker run that may last <paramref name="timeout"/>. Outside the sandbox the process count is
    /// left alone: RLIMIT_NPROC would count every process of the grader's user, not only the worker's.
    /// </summary>
    internal WorkerLimits WorkerLimits(TimeSpan timeout, bool sandboxed) =>
        new(((long)MemoryMegabytes + RuntimeOverheadMegabytes) << 20, sandboxed ? MaxProcesses : 0, MaxFileBytes, (int)Math.Ceiling(timeout.TotalSeconds) + 5);
}
