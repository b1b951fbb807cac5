using Lectures.Torch.Runtime;

namespace Lectures.Tests.Torch.Runtime;

public class FileLockTests : TemporaryDirectoryTest
{
    [Fact]
    public void ASecondHolderWaitsUntilTheFirstReleasesTheLock()
    {
        var path = Path.Combine(Root, "x.lock");
        using (FileLock.Acquire(path, TimeSpan.FromSeconds(1)))
        {
            var e = Assert.Throws<TimeoutException>(() => FileLock.Acquire(path, TimeSpan.FromMilliseconds(100)));
            Assert.Equal($"{path} stayed locked by another process for 0.1 s.", e.Message);
            Assert.IsAssignableFrom<IOException>(e.InnerException);
        }
        using (FileLock.Acquire(path, TimeSpan.FromMilliseconds(100)))
            Assert.True(File.Exists(path));
        // The lock file stays (empty) after the last release.
        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Fact]
    public void ALockFileThatCannotBeCreatedFailsAtOnceInsteadOfWaiting()
    {
        var path = Path.Combine(Root, "missing", "x.lock");
        // A wait of an hour would be a hang: the failure is not a held lock, so it is not retried.
        Assert.Throws<DirectoryNotFoundException>(() => FileLock.Acquire(path, TimeSpan.FromHours(1)));
    }
}
