using Lectures.Plotting;
using Markdig;

namespace Lectures.Torch.Experiments;

/// <summary>
/// The one report writer of every experiment: its CSV files and report.html (the title, the summary rendered
/// from Markdown, then the charts). Creates the directory first and names the file in any error.
/// </summary>
public static class ExperimentReport
{
    /// <summary>The report page's name in the output directory.</summary>
    public const string FileName = "report.html";

    static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>
    /// Writes <paramref name="results"/>' CSV files and report.html into <paramref name="directory"/>; returns the
    /// report's path. The page loads plotly.js from <paramref name="plotlyScriptSrc"/> (beside it by default).
    /// </summary>
    public static string Write(IExperimentResults results, string directory, string plotlyScriptSrc = ChartHtml.LocalPlotly)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        results.WriteCsv(directory);
        var path = Path.Combine(directory, FileName);
        WriteText(path, ChartHtml.Page(results.Title,
            [Markdig.Markdown.ToHtml(results.Summary(), Markdown), .. results.Charts().Select(ChartHtml.Fragment)], plotlyScriptSrc));
        return path;
    }

    /// <summary>Writes the CSV file <paramref name="path"/>: the header line, then one line per row.</summary>
    public static void WriteCsv(string path, string header, IEnumerable<string> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        WriteText(path, header + "\n" + string.Concat(rows.Select(r => r + "\n")));
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/>, creating its directory.</summary>
    public static void WriteText(string path, string text)
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
