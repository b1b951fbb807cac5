namespace Lectures;

/// <summary>Finds the kit's repository root: the nearest folder at or above a start folder that holds Lectures.sln.</summary>
public static class KitRoot
{
    /// <summary>The file that marks the root.</summary>
    public const string Marker = "Lectures.sln";

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <see cref="Marker"/>, or null.</summary>
    public static string? Above(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
                return dir.FullName;
        return null;
    }

    /// <summary>The root above <paramref name="start"/> (default: the current directory), else above the program's folder, or null.</summary>
    public static string? Locate(string? start = null) =>
        Above(start ?? Directory.GetCurrentDirectory()) ?? Above(AppContext.BaseDirectory);

    /// <summary>The root <see cref="Locate"/> finds; throws DirectoryNotFoundException naming both places searched when there is none.</summary>
    public static string Find(string? start = null) =>
        Locate(start) ?? throw new DirectoryNotFoundException(
            $"No Lectures.sln above {start ?? Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}: run the command inside the kit's folder.");

    /// <summary>The lecture notebooks, in order: notebooks/NN-*.ipynb sorted by name.</summary>
    public static IReadOnlyList<string> Notebooks(string root) =>
        Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb")
            .Where(p => char.IsDigit(Path.GetFileName(p)[0]))
            .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
            .ToList();
}
