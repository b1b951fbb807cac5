namespace Lectures.Cli.Kit;

/// <summary>Finds the kit's repository root: the nearest folder up from a start folder that holds Lectures.sln.</summary>
public static class KitRoot
{
    /// <summary>The root above <paramref name="start"/> (default: the current directory, then the program's folder).</summary>
    public static string Find(string? start = null)
    {
        foreach (var origin in new[] { start ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(origin)); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Lectures.sln")))
                    return dir.FullName;
        }
        throw new DirectoryNotFoundException(
            $"No Lectures.sln above {start ?? Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}: run the command inside the kit's folder.");
    }

    /// <summary>The lecture notebooks, in order: notebooks/NN-*.ipynb sorted by name.</summary>
    public static IReadOnlyList<string> Notebooks(string root) =>
        Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb")
            .Where(p => char.IsDigit(Path.GetFileName(p)[0]))
            .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
            .ToList();
}
