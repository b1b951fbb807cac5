using System.Text.Json;
using System.Text.Json.Nodes;
using Lectures.Kernel.Protocol;

namespace Lectures.Kernel.Install;

/// <summary>
/// The kernelspec "lectures-csharp": a folder kernels/lectures-csharp/ with kernel.json, whose argv runs one clone's
/// built kernel with <c>dotnet</c>, and whose metadata names that clone, so an install from another clone is noticed.
/// </summary>
public static class KernelSpec
{
    /// <summary>The user's Jupyter data folder: $JUPYTER_DATA_DIR, else ~/.local/share/jupyter (Linux), ~/Library/Jupyter (macOS), %APPDATA%\jupyter (Windows).</summary>
    public static string UserDataFolder()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data) return data;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows()) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter");
        return Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".local", "share"), "jupyter");
    }

    /// <summary>The data folder of an install under a prefix: PREFIX/share/jupyter (what JUPYTER_PATH or sys.prefix point at).</summary>
    public static string PrefixDataFolder(string prefix) => Path.Combine(Path.GetFullPath(prefix), "share", "jupyter");

    /// <summary>The kernelspec folder in a Jupyter data folder: DATA/kernels/lectures-csharp.</summary>
    public static string Folder(string dataFolder) => Path.Combine(dataFolder, "kernels", KernelInfo.Name);

    /// <summary>kernel.json for a kernel at <paramref name="kernelDll"/> built from the clone at <paramref name="clone"/>.</summary>
    public static JsonObject KernelJson(string kernelDll, string clone) => new()
    {
        ["argv"] = new JsonArray("dotnet", Path.GetFullPath(kernelDll), "{connection_file}"),
        ["display_name"] = KernelInfo.DisplayName,
        ["language"] = KernelInfo.Language,
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["lectures_clone"] = Path.GetFullPath(clone), ["file_extension"] = KernelInfo.FileExtension, ["mimetype"] = KernelInfo.MimeType },
    };

    /// <summary>The clone an installed kernelspec in <paramref name="dataFolder"/> points at, or null when none is installed there.</summary>
    public static string? InstalledClone(string dataFolder)
    {
        var file = Path.Combine(Folder(dataFolder), "kernel.json");
        if (!File.Exists(file)) return null;
        try
        {
            return (string?)JsonNode.Parse(File.ReadAllText(file))?["metadata"]?["lectures_clone"] ?? "(unknown clone)";
        }
        catch (JsonException)
        {
            return "(unreadable kernel.json)";
        }
    }

    /// <summary>
    /// Writes the kernelspec into <paramref name="dataFolder"/> (replacing one already there) and returns what happened,
    /// naming the clone it points at and, when it replaced another clone's, that one too.
    /// </summary>
    public static string Install(string dataFolder, string kernelDll, string clone)
    {
        var previous = InstalledClone(dataFolder);
        var folder = Folder(dataFolder);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "kernel.json"), KernelJson(kernelDll, clone).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var full = Path.GetFullPath(clone);
        return previous is not null && previous != full
            ? $"Replaced the kernelspec {KernelInfo.Name} in {folder}, which pointed at the clone {previous}: it now runs the kernel of the clone {full}."
            : $"Installed the kernelspec {KernelInfo.Name} (\"{KernelInfo.DisplayName}\") in {folder}: it runs the kernel of the clone {full}.";
    }

    /// <summary>Removes the kernelspec from <paramref name="dataFolder"/>; returns what happened.</summary>
    public static string Uninstall(string dataFolder)
    {
        var folder = Folder(dataFolder);
        if (!Directory.Exists(folder)) return $"No kernelspec {KernelInfo.Name} in {folder}: nothing to remove.";
        var clone = InstalledClone(dataFolder);
        Directory.Delete(folder, recursive: true);
        return $"Removed the kernelspec {KernelInfo.Name} from {folder} (it pointed at the clone {clone}).";
    }
}
