namespace Lectures.Tests;

/// <summary>A test class with a fresh directory under the system's temporary directory, deleted with its contents afterwards.</summary>
public abstract class TemporaryDirectoryTest : IDisposable
{
    /// <summary>The directory (exists, empty at the start).</summary>
    protected string Root { get; } = Directory.CreateTempSubdirectory("lectures-test-").FullName;

    /// <summary>Deletes <see cref="Root"/>.</summary>
    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        GC.SuppressFinalize(this);
    }
}
