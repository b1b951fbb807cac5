namespace Lectures.Cli.Commands;

/// <summary>
/// An IProgress that reports on the caller's thread, so that the commands' progress lines come in order and before
/// the command's last line (Progress&lt;T&gt; would post them to the thread pool).
/// </summary>
sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
