using System.Globalization;

namespace Lectures.Graphs;

/// <summary>
/// Reads an undirected graph from edge-list text: one edge "u v" per line (non-negative integer ids separated by
/// spaces or tabs), blank lines and lines starting with '#' ignored, '#' also starts a trailing comment.
/// </summary>
public static class EdgeListReader
{
    /// <summary>
    /// The graph in the edge-list file at <paramref name="path"/>. The vertex count is <paramref name="vertexCount"/>
    /// when given (then every id must be below it), else the largest id + 1.
    /// </summary>
    public static Graph Read(string path, int? vertexCount = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Edge-list file '{path}' does not exist.", path);
        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path), vertexCount);
    }

    /// <summary>The graph in edge-list text read from <paramref name="reader"/>; <paramref name="sourceName"/> names it in errors.</summary>
    public static Graph Parse(TextReader reader, string sourceName, int? vertexCount = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (vertexCount is < 0)
            throw new ArgumentOutOfRangeException(nameof(vertexCount), vertexCount, $"The vertex count must be >= 0, got {vertexCount}.");
        var us = new List<int>();
        var vs = new List<int>();
        var lineNumber = 0;
        var maxId = -1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var hash = line.IndexOf('#');
            var content = (hash >= 0 ? line[..hash] : line).Trim();
            if (content.Length == 0) continue;
            var tokens = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length != 2)
                throw new GraphFormatException(sourceName, lineNumber, $"expected two vertex ids 'u v', found {tokens.Length} tokens: '{content}'.");
            var u = ParseId(tokens[0], sourceName, lineNumber, vertexCount);
            var v = ParseId(tokens[1], sourceName, lineNumber, vertexCount);
            us.Add(u);
            vs.Add(v);
            maxId = Math.Max(maxId, Math.Max(u, v));
        }
        if (us.Count == 0)
            throw new GraphFormatException(sourceName, 0, lineNumber == 0 ? "the file is empty." : "the file has no edges (only comments or blank lines).");
        return Graph.FromEdgeArrays(vertexCount ?? maxId + 1, us.ToArray(), vs.ToArray(), sourceName);
    }

    private static int ParseId(string token, string source, int line, int? vertexCount)
    {
        if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            throw new GraphFormatException(source, line, $"'{token}' is not an integer vertex id.");
        if (id < 0)
            throw new GraphFormatException(source, line, $"vertex id {id} is negative; ids must be >= 0.");
        if (vertexCount is { } n && id >= n)
            throw new GraphFormatException(source, line, $"vertex {id} is out of range: {Graph.RangeText(n)}.");
        if (id >= int.MaxValue)
            throw new GraphFormatException(source, line, $"vertex id {id} is too large (at most {int.MaxValue - 1}).");
        return (int)id;
    }
}
