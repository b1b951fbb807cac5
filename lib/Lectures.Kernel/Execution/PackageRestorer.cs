using System.Diagnostics;
using System.Security;
using System.Text.Json.Nodes;

namespace Lectures.Kernel.Execution;

/// <summary>
/// Restores the packages a cell asks for (<c>#r "nuget: Name, Version"</c>) the way the SDK does: it writes a
/// temporary project referencing them, runs <c>dotnet restore</c> with the NuGet.Config nearest the kernel's
/// working directory (else the user's configured sources) and the sources the session added, and returns the runtime assemblies of the restored
/// packages that the kernel does not already carry.
/// </summary>
public sealed class PackageRestorer(string workingDirectory)
{
    static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    readonly List<string> sources = [];

    /// <summary>Adds a package source (<c>#i "nuget: SOURCE"</c>) for this and later restores of the session.</summary>
    public void AddSource(string source)
    {
        if (!sources.Contains(source)) sources.Add(source);
    }

    /// <summary>The runtime assembly paths of <paramref name="requests"/> and their dependencies; <paramref name="log"/> gets one line per package loaded.
    /// Throws <see cref="InvalidOperationException"/> with the restore's own messages when it fails.</summary>
    public IReadOnlyList<string> Restore(IReadOnlyList<PackageRequest> requests, Action<string> log)
    {
        var folder = Directory.CreateTempSubdirectory("lectures-kernel-restore-").FullName;
        try
        {
            var project = Path.Combine(folder, "Restore.csproj");
            File.WriteAllText(project, Project(requests, sources));
            var arguments = new List<string> { "restore", project, "--nologo", "-v", "q" };
            if (NearestConfig() is { } config) arguments.AddRange(["--configfile", config]);
            var (code, output) = RunDotnet(arguments, folder);
            if (code != 0)
                throw new InvalidOperationException($"Could not restore {string.Join(", ", requests.Select(Describe))}: " +
                    string.Join(" ", output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(3)));
            var (assemblies, loaded) = RuntimeAssemblies(Path.Combine(folder, "obj", "project.assets.json"));
            foreach (var package in loaded) log($"Loaded package {package}\n");
            return assemblies;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static string Describe(PackageRequest r) => r.Version is null ? r.Name : $"{r.Name} {r.Version}";

    static string Project(IReadOnlyList<PackageRequest> requests, IReadOnlyList<string> sources) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
            <RestoreAdditionalProjectSources>{SecurityElement.Escape(string.Join(";", sources))}</RestoreAdditionalProjectSources>
          </PropertyGroup>
          <ItemGroup>
        {string.Join("\n", requests.Select(r => $"    <PackageReference Include=\"{SecurityElement.Escape(r.Name)}\" Version=\"{SecurityElement.Escape(r.Version ?? "*")}\" />"))}
          </ItemGroup>
        </Project>
        """;

    string? NearestConfig()
    {
        for (var dir = new DirectoryInfo(workingDirectory); dir is not null; dir = dir.Parent)
            foreach (var name in new[] { "NuGet.Config", "nuget.config", "NuGet.config" })
                if (File.Exists(Path.Combine(dir.FullName, name))) return Path.Combine(dir.FullName, name);
        return null;
    }

    static (int Code, string Output) RunDotnet(IEnumerable<string> arguments, string folder)
    {
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(host) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"dotnet restore did not finish within {Limit.TotalMinutes} minutes.");
        }
        return (process.ExitCode, stdout + stderr.Result);
    }

    /// <summary>The runtime assemblies of every package in the assets file, except those the kernel already has loaded or referenced, and "Name Version" of each package.</summary>
    static (List<string> Assemblies, List<string> Packages) RuntimeAssemblies(string assetsFile)
    {
        var assets = JsonNode.Parse(File.ReadAllText(assetsFile))!;
        var root = ((JsonObject)assets["packageFolders"]!).First().Key;
        var target = ((JsonObject)assets["targets"]!).First().Value!.AsObject();
        var known = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var assemblies = new List<string>();
        var packages = new List<string>();
        foreach (var (id, library) in target)
        {
            if ((string?)library!["type"] != "package") continue;
            var path = (string?)assets["libraries"]![id]!["path"] ?? id.ToLowerInvariant();
            packages.Add(id.Replace('/', ' '));
            if (library["runtime"] is not JsonObject runtime) continue;
            assemblies.AddRange(runtime.Select(r => r.Key)
                .Where(r => r.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !known.Contains(Path.GetFileNameWithoutExtension(r)))
                .Select(r => Path.Combine(root, path, r)));
        }
        return (assemblies, packages);
    }
}
