namespace Lectures.Graphs;

/// <summary>A graph file that cannot be read: the message names the file, the line (when there is one) and the problem.</summary>
public sealed class GraphFormatException : FormatException
{
    /// <summary>An error in <paramref name="file"/> at <paramref name="line"/> (1-based; 0 when not tied to a line).</summary>
    public GraphFormatException(string file, int line, string problem)
        : base(line > 0 ? $"{file}, line {line}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
    }

    /// <summary>The file (or source name) that was being read.</summary>
    public string File { get; }

    /// <summary>The 1-based line number of the problem, 0 when it concerns the whole file.</summary>
    public int Line { get; }
}
