using System.IO.Compression;
using Lectures.Torch.Runtime;

namespace Lectures.Tests.Torch.Runtime;

public class GlibcxxCompatibilityTests
{
    /// <summary>The pristine libLibTorchSharp.so, read from the TorchSharp package archive in the NuGet cache.</summary>
    internal static byte[] Pristine()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        using var zip = ZipFile.OpenRead(Path.Combine(packages, "torchsharp", "0.107.0", "torchsharp.0.107.0.nupkg"));
        using var stream = zip.GetEntry("runtimes/linux-x64/native/libLibTorchSharp.so")!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public void ThePatchChangesAtMostThreeBytesAndIsIdempotent()
    {
        var original = Pristine();
        var patched = (byte[])original.Clone();

        Assert.True(GlibcxxCompatibility.Patch(patched, "libLibTorchSharp.so"));
        var changed = Enumerable.Range(0, original.Length).Count(i => original[i] != patched[i]);
        // One versym entry (2 bytes, at most 2 change) and one vna_flags bit (1 byte).
        Assert.InRange(changed, 2, 3);
        Assert.False(GlibcxxCompatibility.Patch(patched, "libLibTorchSharp.so"));
    }

    [Fact]
    public void AFileThatIsNotElfIsRefusedByName()
    {
        var e = Assert.Throws<InvalidDataException>(() => GlibcxxCompatibility.Patch(new byte[100], "notes.txt"));
        Assert.Equal("notes.txt is not an ELF file.", e.Message);
    }
}
