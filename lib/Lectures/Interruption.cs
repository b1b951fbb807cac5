namespace Lectures;

/// <summary>
/// A notebook kernel's interrupt, seen by long computations: the kernel calls <see cref="Request"/> when the user
/// interrupts a cell, and loops of the kit call <see cref="ThrowIfRequested"/> where they report progress, so a
/// long call stops at its next progress report. Outside a kernel nothing requests it and the check costs one read.
/// </summary>
public static class Interruption
{
    static CancellationTokenSource source = new();

    /// <summary>Cancelled once an interrupt was requested for the running cell.</summary>
    public static CancellationToken Token => source.Token;

    /// <summary>Requests that the running computation stop.</summary>
    public static void Request() => source.Cancel();

    /// <summary>Clears a past request, before the next cell runs.</summary>
    public static void Reset()
    {
        if (source.IsCancellationRequested) source = new CancellationTokenSource();
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when an interrupt was requested.</summary>
    public static void ThrowIfRequested() => source.Token.ThrowIfCancellationRequested();
}
