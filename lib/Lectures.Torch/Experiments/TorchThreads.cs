using TorchSharp;

namespace Lectures.Torch.Experiments;

/// <summary>
/// torch.set_num_threads for a scope: <c>using var threads = TorchThreads.Use(1);</c> sets the number of intra-op
/// threads and restores the previous number when disposed.
/// </summary>
public sealed class TorchThreads : IDisposable
{
    readonly int previous;
    bool disposed;

    TorchThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        previous = torch.get_num_threads();
        torch.set_num_threads(threads);
    }

    /// <summary>Sets <paramref name="threads"/> intra-op threads until the returned scope is disposed.</summary>
    public static TorchThreads Use(int threads) => new(threads);

    /// <summary>Restores the number of threads set before <see cref="Use"/>.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        torch.set_num_threads(previous);
    }
}
