namespace Lectures.Cli.Kit;

/// <summary>
/// Packs the notebook package "Lectures" into artifacts/packages with a version stamped per build
/// (0.1.0-dev.&lt;unix milliseconds&gt;), so a kernel never reuses a stale cached copy. NuGet.Config at the top of the
/// repository names that folder as the source "lectures-kit", so a notebook's first cell anywhere in the clone is just
/// <c>#r "nuget: Lectures, *-*"</c>; no user-level NuGet setting is touched.
/// </summary>
public static class KitPackager
{
    /// <summary>The folder the package is written to.</summary>
    public static string PackageFolder(string root) => Path.Combine(root, "artifacts", "packages");

    /// <summary>Packs the kit and returns the version packed.</summary>
    public static string Pack(string root, Action<string> log)
    {
        var version = $"0.1.0-dev.{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
        var folder = PackageFolder(root);
        Directory.CreateDirectory(folder);
        log($"Packing the kit as Lectures {version} into {Path.GetRelativePath(root, folder)}/");
        var result = Shell.Run("dotnet",
            new[] { "pack", Path.Combine(root, "lib", "Lectures.Interactive"), "-c", "Release", "-p:KitVersion=" + version, "-o", folder, "--nologo" },
            root, TimeSpan.FromMinutes(10));
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"Packing the kit failed (dotnet pack exit code {result.ExitCode}):\n{result.Output}");
        foreach (var old in Directory.GetFiles(folder, "Lectures.*.nupkg").Where(p => !p.EndsWith($"Lectures.{version}.nupkg", StringComparison.Ordinal)))
            File.Delete(old);
        return version;
    }
}
