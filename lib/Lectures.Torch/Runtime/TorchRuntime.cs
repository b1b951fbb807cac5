using System.Runtime.InteropServices;
using TorchSharp;

namespace Lectures.Torch.Runtime;

/// <summary>
/// Makes TorchSharp's native library load on this machine: applies <see cref="GlibcxxCompatibility"/> to every
/// copy of libLibTorchSharp.so that TorchSharp may load (only where the system libstdc++ needs it), loads the
/// patched copy explicitly, then initialises the CPU backend. Idempotent; call it before the first torch call.
/// Processes starting at once (two kernels, two builds) take turns: the native set-up runs under the lock file
/// <see cref="SetupLockName"/> in TorchSharp's package folder, so none loads a copy that another is still writing
/// (TorchSharp's own gathering of its native files into one folder, or the patch).
/// </summary>
public static class TorchRuntime
{
    const string NativeName = "libLibTorchSharp.so";

    /// <summary>The lock file, in TorchSharp's package folder of the NuGet cache, held while a process sets up the native library.</summary>
    public const string SetupLockName = "lectures-native-setup.lock";

    /// <summary>How long a process waits for another one setting up the native library (TorchSharp copies about 400 MB on first use).</summary>
    static readonly TimeSpan SetupLockTimeout = TimeSpan.FromMinutes(5);

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

            using var setup = SetupLock();
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

    /// <summary>The cross-process lock on <see cref="SetupLockName"/>; null when it cannot be created (the package folder is missing or read-only: nothing there is written then).</summary>
    static FileLock? SetupLock()
    {
        try
        {
            return FileLock.Acquire(Path.Combine(PackageDirectory(), SetupLockName), SetupLockTimeout);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return null;
        }
    }

    /// <summary>TorchSharp's folder in the NuGet cache: $NUGET_PACKAGES (default ~/.nuget/packages)/torchsharp/VERSION.</summary>
    static string PackageDirectory()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var version = typeof(torch).Assembly.GetName().Version;
        return Path.Combine(packages, "torchsharp", $"{version!.Major}.{version.Minor}.{version.Build}");
    }

    static bool IsComplete(string dir) =>
        File.Exists(Path.Combine(dir, NativeName)) && File.Exists(Path.Combine(dir, "libtorch.so"));

    static IEnumerable<string> CandidateDirectories()
    {
        var seen = new HashSet<string>();
        var assemblyDir = Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? "";
        var baseDir = AppContext.BaseDirectory;
        var packageDir = PackageDirectory();
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
