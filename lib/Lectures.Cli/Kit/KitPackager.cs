namespace Lectures.Cli.Kit;

/// <summary>
/// Packs the notebook package "Lectures" into artifacts/packages with a version stamped per build
/// (0.1.0-dev.&lt;unix milliseconds&gt;), so a kernel never reuses a stale cached copy, and registers that folder
/// as the user-level NuGet source "lectures-kit", so a notebook's first cell is just <c>#r "nuget: Lectures, *-*"</c>.
/// </summary>
public static class KitPackager
{
    /// <summary>The name of the user-level NuGet source that points at artifacts/packages.</summary>
    public const string SourceName = "lectures-kit";

    /// <summary>The folder the package is written to.</summary>
    public static string PackageFolder(string root) => Path.Combine(root, "artifacts", "packages");

    /// <summary>Packs the kit, registers the source, and returns the version packed.</summary>
    public static string Pack(string root, Action<string> log)
    {
        var version = $"0.1.0-dev.{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
        var folder = PackageFolder(root);
        Directory.CreateDirectory(folder);
        // Before packing: a source left pointing at a moved or deleted clone would fail the pack's restore (NU1301).
        RegisterSource(root, folder, log);
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

    /// <summary>Adds (or points at this kit) the user-level NuGet source <see cref="SourceName"/>; touches no other source.</summary>
    static void RegisterSource(string root, string folder, Action<string> log)
    {
        var list = Shell.Run("dotnet", new[] { "nuget", "list", "source", "--format", "short" }, root, TimeSpan.FromMinutes(1));
        var existing = list.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.EndsWith(" " + folder, StringComparison.Ordinal));
        if (existing is not null) return;
        var known = Shell.Run("dotnet", new[] { "nuget", "list", "source" }, root, TimeSpan.FromMinutes(1)).Output
            .Contains($" {SourceName} [", StringComparison.Ordinal);
        var verb = known ? "update" : "add";
        var args = known
            ? new[] { "nuget", "update", "source", SourceName, "--source", folder }
            : new[] { "nuget", "add", "source", folder, "--name", SourceName };
        var result = Shell.Run("dotnet", args, root, TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"Could not {verb} the NuGet source '{SourceName}' -> {folder}:\n{result.Output}");
        log($"NuGet source '{SourceName}' now points at {folder} (user-level NuGet.Config; notebooks find the kit there).");
    }
}
