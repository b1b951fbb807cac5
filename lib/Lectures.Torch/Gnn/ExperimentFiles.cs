using Lectures.Plotting;

namespace Lectures.Torch.Gnn;

/// <summary>Writing experiment outputs: creates the directory first and names the file in any error.</summary>
internal static class ExperimentFiles
{
    /// <summary>
    /// Writes name.csv (by <paramref name="writeCsv"/>) and name.html (a page with the title and the fragments) into
    /// <paramref name="directory"/>; returns the HTML path.
    /// </summary>
    public static string WriteReport(string directory, string name, Action<string> writeCsv, string title, IEnumerable<string> fragments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        writeCsv(Path.Combine(directory, name + ".csv"));
        var path = Path.Combine(directory, name + ".html");
        Write(path, ChartHtml.Page(title, fragments, ChartHtml.LocalPlotly));
        return path;
    }

    /// <summary>Writes the CSV file <paramref name="path"/>: the header line, then one line per row.</summary>
    public static void WriteCsv(string path, string header, IEnumerable<string> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Write(path, header + "\n" + string.Concat(rows.Select(r => r + "\n")));
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/>, creating its directory.</summary>
    public static void Write(string path, string text)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Could not write the experiment output {path}: {e.Message}", e);
        }
    }
}
