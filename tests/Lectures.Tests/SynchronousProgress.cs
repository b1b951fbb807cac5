namespace Lectures.Tests;

/// <summary>
/// An IProgress that reports on the calling thread, so a test sees every report before the call returns
/// (Progress&lt;T&gt; posts them later to the thread pool).
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
