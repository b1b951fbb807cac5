using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Lectures.Grading.Sandbox;

/// <summary>
/// What the worker does to its own process before any cell runs (Linux; elsewhere nothing): it takes its standard
/// output for itself as the result channel, and sets its rlimits.
/// </summary>
static class SandboxNative
{
    const int StandardOutput = 1, StandardError = 2;
    const int DuplicateCloseOnExec = 1030; // F_DUPFD_CLOEXEC
    const int Cpu = 0, FileSize = 1, Data = 2, Core = 4, Processes = 6; // RLIMIT_* on Linux

    [StructLayout(LayoutKind.Sequential)]
    struct Limit
    {
        public ulong Soft, Hard;
    }

    [DllImport("libc.so.6", SetLastError = true)]
    static extern int fcntl(int fd, int command, int argument);

    [DllImport("libc.so.6", SetLastError = true)]
    static extern int dup2(int from, int to);

    [DllImport("libc.so.6", SetLastError = true)]
    static extern int setrlimit(int resource, ref Limit limit);

    /// <summary>
    /// The result channel: a private copy of the process's standard output, closed on exec so no child process
    /// inherits it. Descriptor 1 is then pointed at standard error, so whatever the cells or their child processes
    /// write to either stream lands in the capture, never on the channel.
    /// </summary>
    public static Stream TakeStandardOutput()
    {
        if (!OperatingSystem.IsLinux()) return Console.OpenStandardOutput();
        var channel = fcntl(StandardOutput, DuplicateCloseOnExec, 3);
        if (channel < 0 || dup2(StandardError, StandardOutput) < 0)
            throw new InvalidOperationException($"The worker could not set up its result channel (errno {Marshal.GetLastPInvokeError()}).");
        return new FileStream(new SafeFileHandle(channel, ownsHandle: true), FileAccess.Write, bufferSize: 0);
    }

    /// <summary>Sets <paramref name="limits"/> as soft and hard rlimits (a zero process count leaves that limit alone); no core files.</summary>
    public static void Apply(WorkerLimits limits)
    {
        if (!OperatingSystem.IsLinux()) return;
        Set(Data, limits.DataBytes);
        Set(FileSize, limits.FileBytes);
        Set(Cpu, limits.CpuSeconds);
        Set(Core, 0);
        if (limits.Processes > 0) Set(Processes, limits.Processes);
    }

    static void Set(int resource, long value)
    {
        var limit = new Limit { Soft = (ulong)value, Hard = (ulong)value };
        if (setrlimit(resource, ref limit) != 0)
            throw new InvalidOperationException($"The worker could not set rlimit {resource} to {value} (errno {Marshal.GetLastPInvokeError()}).");
    }
}
