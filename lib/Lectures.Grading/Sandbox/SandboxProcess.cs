using System.Diagnostics;
using System.Text;

namespace Lectures.Grading.Sandbox;

/// <summary>
/// Runs a worker process with a deadline and bounded capture. At the deadline the process and its whole tree are
/// killed (with the sandbox, killing bwrap ends its pid namespace). The grader never waits for a pipe to close: after
/// the process has exited it gives its readers <see cref="DrainTime"/> and then stops reading, so a child that
/// still holds a pipe cannot keep it waiting. Each stream keeps at most a fixed number of bytes; the rest is read
/// and dropped, so the grader's memory does not grow with what a submission writes.
/// </summary>
static class SandboxProcess
{
    /// <summary>What the grader reads of the result channel at most (the worker writes a few lines a cell).</summary>
    const int MaxChannelBytes = 16 << 20;

    /// <summary>How long the readers get after the process has exited.</summary>
    static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(2);

    /// <summary>How a run ended.</summary>
    /// <param name="ExitCode">The exit code (-1 when killed at the deadline).</param>
    /// <param name="Channel">The worker's result channel (its standard output as started).</param>
    /// <param name="Output">Everything else it wrote (standard error, which the worker's standard output also points
    /// to), the first <see cref="GradingLimits.MaxCapturedOutputBytes"/> bytes and a note of how much was dropped.</param>
    /// <param name="TimedOut">True when the deadline was reached and the process killed.</param>
    internal sealed record Result(int ExitCode, string Channel, string Output, bool TimedOut);

    /// <summary>Starts <paramref name="info"/>, writes <paramref name="input"/> to its standard input, and waits at most <paramref name="timeout"/>.</summary>
    internal static Result Run(ProcessStartInfo info, string input, TimeSpan timeout)
    {
        info.UseShellExecute = false;
        info.RedirectStandardInput = info.RedirectStandardOutput = info.RedirectStandardError = true;
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start '{info.FileName}': {e.Message}", e);
        }
        var channel = new CappedReader(process.StandardOutput.BaseStream, MaxChannelBytes);
        var output = new CappedReader(process.StandardError.BaseStream, GradingLimits.MaxCapturedOutputBytes);
        _ = Task.Run(() =>
        {
            try
            {
                process.StandardInput.Write(input);
                process.StandardInput.Close();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The worker exited (or was killed) before reading all of its plan; its exit code says why.
            }
        });
        var finished = process.WaitForExit(timeout);
        if (!finished)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the deadline and the kill.
            }
            process.WaitForExit(DrainTime);
        }
        Task.WaitAll([channel.Done, output.Done], DrainTime);
        var exitCode = finished ? process.ExitCode : -1;
        return new Result(exitCode, channel.Text(), output.Text(), !finished);
    }

    /// <summary>Reads a stream to its end in the background, keeping its first <c>cap</c> bytes and counting the rest.</summary>
    sealed class CappedReader
    {
        readonly MemoryStream kept = new();
        readonly int cap;
        long dropped;

        public Task Done { get; }

        public CappedReader(Stream stream, int cap)
        {
            this.cap = cap;
            Done = Task.Run(() => Drain(stream));
        }

        void Drain(Stream stream)
        {
            var buffer = new byte[256 * 1024];
            try
            {
                int n;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                    lock (kept)
                    {
                        var keep = (int)Math.Min(n, cap - kept.Length);
                        kept.Write(buffer, 0, keep);
                        dropped += n - keep;
                    }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The grader stopped reading (the process object was disposed).
            }
        }

        /// <summary>What was kept so far, as UTF-8, with a note when bytes were dropped.</summary>
        public string Text()
        {
            lock (kept)
            {
                var text = Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length);
                return dropped == 0 ? text : text + $"\n[{dropped} more bytes of output dropped: the grader keeps the first {cap} bytes]\n";
            }
        }
    }
}
