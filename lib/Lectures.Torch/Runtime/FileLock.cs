using System.Diagnostics;
using System.Globalization;

namespace Lectures.Torch.Runtime;

/// <summary>
/// A lock shared by every process on the machine: the lock file opened with <see cref="FileShare.None"/> (on Linux and
/// macOS .NET takes an exclusive flock on it), held until disposed. The lock file stays in place (it is empty):
/// deleting it on release would let a waiter lock the unlinked file while a third process locks a new one.
/// </summary>
internal sealed class FileLock : IDisposable
{
    readonly FileStream stream;

    FileLock(FileStream stream) => this.stream = stream;

    /// <summary>How long <see cref="Acquire"/> waits between attempts.</summary>
    static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Waits until no other holder has <paramref name="lockPath"/> (creating it when missing), then holds it.
    /// Throws <see cref="TimeoutException"/> naming the file when another holder keeps it longer than <paramref name="timeout"/>,
    /// and the <see cref="IOException"/> at once when the file cannot be created (a missing folder, a read-only file system).
    /// </summary>
    public static FileLock Acquire(string lockPath, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // Read access is enough for the lock, and works where the lock file exists on a read-only file system.
                return new FileLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.Read, FileShare.None));
            }
            catch (IOException e) when (File.Exists(lockPath))
            {
                if (clock.Elapsed > timeout)
                    throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"{lockPath} stayed locked by another process for {timeout.TotalSeconds:0.###} s."), e);
                Thread.Sleep(RetryInterval);
            }
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => stream.Dispose();
}
