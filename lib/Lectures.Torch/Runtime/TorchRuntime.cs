using System.Runtime.InteropServices;
using TorchSharp;

namespace Lectures.Torch.Runtime;

/// <summary>
/// Makes TorchSharp's native library load on this machine: applies <see cref="GlibcxxCompatibility"/> to every
/// copy of libLibTorchSharp.so that TorchSharp may load (only where the system libstdc++ needs it), loads the
/// patched copy explicitly, then initialises the CPU backend. Idempotent; call it before the first torch call.
/// </summary>
public static class TorchRuntime
{
    const string NativeName = "libLibTorchSharp.so";
    static readonly object Gate = new();
    static string? loadedFrom;

    /// <summary>The file the native library was loaded from, or null before <see cref="EnsureLoaded"/>.</summary>
    public static string? LoadedFrom => loadedFrom;

    /// <summary>
    /// Patches (where needed) and loads TorchSharp's native library, then initialises the CPU device.
    /// Returns the path loaded. Throws <see cref="InvalidOperationException"/> naming the directories searched
    /// when no loadable copy is found.
    /// </summary>
    public static string EnsureLoaded()
    {
        lock (Gate)
        {
            if (loadedFrom is not null) return loadedFrom;
            if (!OperatingSystem.IsLinux())
            {
                torch.InitializeDeviceType(DeviceType.CPU);
                return loadedFrom = "(platform default)";
            }

            var needed = GlibcxxCompatibility.IsNeeded();
            var dirs = CandidateDirectories().ToList();
            PatchAll(dirs, needed);
            var dir = dirs.FirstOrDefault(IsComplete);
            if (dir is null)
            {
                // In a notebook TorchSharp gathers its native files into one folder on first use; let it, then patch.
                torch.TryInitializeDeviceType(DeviceType.CPU);
                dirs = CandidateDirectories().ToList();
                PatchAll(dirs, needed);
                dir = dirs.FirstOrDefault(IsComplete);
            }
            if (dir is null)
                throw new InvalidOperationException(
                    $"TorchSharp's native library ({NativeName} beside libtorch.so) was not found. Looked in: " +
                    string.Join(", ", dirs) + ". Restore the TorchSharp-cpu package (dotnet restore) and try again.");

            var path = Path.Combine(dir, NativeName);
            try
            {
                NativeLibrary.Load(path);
            }
            catch (DllNotFoundException e)
            {
                throw new InvalidOperationException(
                    $"Could not load {path}: {e.Message}" +
                    (needed ? $" The system libstdc++ lacks {GlibcxxCompatibility.MissingVersion}; the kit patched the file, so the error is elsewhere." : ""), e);
            }
            torch.InitializeDeviceType(DeviceType.CPU);
            return loadedFrom = path;
        }
    }

    static void PatchAll(IEnumerable<string> dirs, bool needed)
    {
        if (!needed) return;
        foreach (var dir in dirs)
        {
            var file = Path.Combine(dir, NativeName);
            if (!File.Exists(file)) continue;
            try
            {
                GlibcxxCompatibility.Patch(file);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new InvalidOperationException(
                    $"{file} needs the {GlibcxxCompatibility.MissingVersion} compatibility fix but is not writable: {e.Message}", e);
            }
        }
    }

    static bool IsComplete(string dir) =>
        File.Exists(Path.Combine(dir, NativeName)) && File.Exists(Path.Combine(dir, "libtorch.so"));

    static IEnumerable<string> CandidateDirectories()
    {
        var seen = new HashSet<string>();
        var assemblyDir = Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? "";
        var baseDir = AppContext.BaseDirectory;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var version = typeof(torch).Assembly.GetName().Version;
        var packageDir = Path.Combine(packages, "torchsharp", $"{version!.Major}.{version.Minor}.{version.Build}");
        string[] all =
        {
            Path.Combine(baseDir, "runtimes", "linux-x64", "native"), Path.Combine(baseDir, "cpu"),
            Path.Combine(assemblyDir, "runtimes", "linux-x64", "native"), Path.Combine(assemblyDir, "cpu"),
            Path.Combine(packageDir, "lib", "net8.0", "cpu"), Path.Combine(packageDir, "runtimes", "linux-x64", "native"),
        };
        foreach (var d in all)
            if (seen.Add(Path.GetFullPath(d))) yield return Path.GetFullPath(d);
    }
}
