using System.Security.Cryptography;
using Lectures.Cli.Kit;
using Lectures.Torch.Runtime;

namespace Lectures.Tests.Torch.Runtime;

/// <summary>
/// Three processes patching the same copies of libLibTorchSharp.so at once (first builds on a fresh machine, issue 27),
/// in lockstep: all three call the patch on a copy at the same moment, then move to the next. Each copy ends
/// byte-identical to a single-process patch, exactly one process edits each copy, every call returns only once the
/// file on disk is the whole patched file, and no temporary file is left beside the copies.
/// </summary>
public class ConcurrentPatchTests : TemporaryDirectoryTest
{
    const string DirectoryVariable = "LECTURES_PATCH_DIR";
    const string ControlVariable = "LECTURES_PATCH_CONTROL";
    const string ChildVariable = "LECTURES_PATCH_CHILD";
    const string ExpectedVariable = "LECTURES_PATCH_SHA256";
    const int Copies = 24;
    const int Children = 3;

    [Fact]
    public async Task ProcessesPatchingTheSameCopiesAtOnceLeaveEachPatchedOnceAndWhole()
    {
        var pristine = GlibcxxCompatibilityTests.Pristine();
        var patched = (byte[])pristine.Clone();
        Assert.True(GlibcxxCompatibility.Patch(patched, "libLibTorchSharp.so"));
        var libraries = Path.Combine(Root, "native");
        var control = Path.Combine(Root, "control");
        Directory.CreateDirectory(libraries);
        Directory.CreateDirectory(control);
        var names = Enumerable.Range(0, Copies).Select(i => $"libLibTorchSharp-{i:00}.so").ToArray();
        foreach (var name in names) File.WriteAllBytes(Path.Combine(libraries, name), pristine);

        var results = await Task.WhenAll(Enumerable.Range(0, Children).Select(child => Task.Run(() => RunChild(child, libraries, control, patched))));

        foreach (var result in results)
        {
            Assert.False(result.TimedOut, $"A patching child did not finish in time:\n{result.Output}");
            Assert.True(result.ExitCode == 0, $"A patching child exited {result.ExitCode}:\n{result.Output}");
        }
        foreach (var name in names)
        {
            var bytes = File.ReadAllBytes(Path.Combine(libraries, name));
            Assert.Equal(patched, bytes);
            // Both fields are patched: the edit finds nothing left to change.
            Assert.False(GlibcxxCompatibility.Patch(bytes, name));
        }
        // Exactly one process edited each copy; the others found it patched.
        var edits = Enumerable.Range(0, Children)
            .Select(child => int.Parse(File.ReadAllText(Path.Combine(control, $"edited-{child}")))).ToArray();
        Assert.Equal(Copies, edits.Sum());
        // Beside the copies only their (empty) lock files: no temporary file is left.
        Assert.Equal(names.SelectMany(n => new[] { n, GlibcxxCompatibility.LockFileName(n) }).Order(StringComparer.Ordinal),
            Directory.GetFiles(libraries).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>Runs <see cref="PatchEveryCopyAsAChild"/> in a child `dotnet test` of this assembly.</summary>
    static Shell.Result RunChild(int child, string libraries, string control, byte[] patched)
    {
        var assembly = typeof(ConcurrentPatchTests).Assembly.Location;
        var filter = $"FullyQualifiedName={typeof(ConcurrentPatchTests).FullName}.{nameof(PatchEveryCopyAsAChild)}";
        return Shell.Run("dotnet", ["test", assembly, "--filter", filter], Path.GetDirectoryName(assembly)!, TimeSpan.FromMinutes(5),
            environment: new Dictionary<string, string>
            {
                [DirectoryVariable] = libraries, [ControlVariable] = control, [ChildVariable] = child.ToString(),
                [ExpectedVariable] = Convert.ToHexString(SHA256.HashData(patched)),
            });
    }

    /// <summary>
    /// The child: for each copy in order waits until every child has reached it (files at-COPY-CHILD), patches it, and checks that the file on disk is the whole patched file; writes how many copies
    /// this process edited to edited-N.
    /// </summary>
    [SkippableFact]
    public void PatchEveryCopyAsAChild()
    {
        var libraries = Environment.GetEnvironmentVariable(DirectoryVariable);
        Skip.If(libraries is null, $"Runs only as a child process of {nameof(ProcessesPatchingTheSameCopiesAtOnceLeaveEachPatchedOnceAndWhole)}.");
        var control = Environment.GetEnvironmentVariable(ControlVariable)!;
        var child = Environment.GetEnvironmentVariable(ChildVariable)!;
        var expected = Environment.GetEnvironmentVariable(ExpectedVariable)!;
        var edited = 0;
        var failed = Path.Combine(control, "failed");
        try
        {
            foreach (var path in Directory.GetFiles(libraries, "*.so").Order(StringComparer.Ordinal))
            {
                var copy = Path.GetFileNameWithoutExtension(path);
                File.WriteAllText(Path.Combine(control, $"at-{copy}-{child}"), "");
                while (Directory.GetFiles(control, $"at-{copy}-*").Length < Children && !File.Exists(failed)) Thread.Yield();
                if (GlibcxxCompatibility.Patch(path)) edited++;
                Assert.Equal(expected, Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))));
            }
        }
        catch
        {
            // The other children stop waiting for this one.
            File.WriteAllText(failed, child);
            throw;
        }
        File.WriteAllText(Path.Combine(control, $"edited-{child}"), edited.ToString());
    }
}
