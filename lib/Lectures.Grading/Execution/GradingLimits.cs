namespace Lectures.Grading.Execution;

/// <summary>The limits a submission runs under.</summary>
/// <param name="CellTimeout">Longest time one cell may run.</param>
/// <param name="NotebookTimeout">Longest time all of a submission's runs together may take.</param>
/// <param name="MemoryMegabytes">The worker's managed heap cap (DOTNET_GCHeapHardLimit); a cell going over it gets out-of-memory.</param>
/// <param name="Parallelism">How many submissions are graded at once, each in its own process.</param>
public sealed record GradingLimits(TimeSpan CellTimeout, TimeSpan NotebookTimeout, int MemoryMegabytes, int Parallelism)
{
    /// <summary>10 s a cell, 120 s a notebook, 512 MB, 2 submissions at a time.</summary>
    public static GradingLimits Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(120), 512, 2);

    /// <summary>Throws when a limit is not positive.</summary>
    public GradingLimits Validated()
    {
        if (CellTimeout <= TimeSpan.Zero) throw new ArgumentException($"The cell time limit must be positive, got {CellTimeout.TotalSeconds} s.");
        if (NotebookTimeout < CellTimeout)
            throw new ArgumentException($"The notebook time limit ({NotebookTimeout.TotalSeconds} s) must be at least the cell limit ({CellTimeout.TotalSeconds} s).");
        if (MemoryMegabytes < 64) throw new ArgumentException($"The memory cap must be at least 64 MB, got {MemoryMegabytes} MB.");
        if (Parallelism < 1) throw new ArgumentException($"Parallelism must be at least 1, got {Parallelism}.");
        return this;
    }
}
