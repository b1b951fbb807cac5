using System.Text;

namespace Lectures.Grading.Lms;

/// <summary>
/// A CSV file as LMSs export and import it (RFC 4180): a header row, then rows of the same width; fields quoted
/// when they hold a comma, a quote or a line break, quotes doubled inside. A leading byte-order mark is skipped.
/// </summary>
public sealed class CsvTable
{
    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The rows after the header, each as wide as the header.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>A table of <paramref name="header"/> and <paramref name="rows"/>; throws ArgumentException when a row's width differs.</summary>
    public CsvTable(IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        var bad = rows.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Length != header.Count);
        if (bad.r is not null) throw new ArgumentException($"Row {bad.i + 1} has {bad.r.Length} fields, the header {header.Count}.");
        (Header, Rows) = (header, rows);
    }

    /// <summary>The index of column <paramref name="name"/> (exact, after trimming), or -1.</summary>
    public int Column(string name) => Header.Select(h => h.Trim()).ToList().IndexOf(name);

    /// <summary>Reads the CSV file at <paramref name="path"/>; throws InvalidDataException naming the file and line when it is empty, a quote is never closed or a row's width differs from the header's.</summary>
    public static CsvTable Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"CSV file not found: {path}", path);
        var records = Parse(File.ReadAllText(path).TrimStart('\uFEFF'), path);
        if (records.Count == 0) throw new InvalidDataException($"{path} is empty: expected a header row.");
        var header = records[0].Fields;
        foreach (var (fields, line) in records.Skip(1))
            if (fields.Length != header.Length)
                throw new InvalidDataException($"{path}, line {line}: {fields.Length} fields, but the header has {header.Length}.");
        return new CsvTable(header, records.Skip(1).Select(r => r.Fields).ToList());
    }

    static List<(string[] Fields, int Line)> Parse(string text, string path)
    {
        var records = new List<(string[], int)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (quoted, line, startLine) = (false, 1, 1);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { field.Append(c); if (c == '\n') line++; }
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString()); field.Clear();
                if (!(fields.Count == 1 && fields[0].Length == 0)) records.Add((fields.ToArray(), startLine));
                fields.Clear();
                startLine = ++line;
            }
            else field.Append(c);
        }
        if (quoted) throw new InvalidDataException($"{path}, line {startLine}: a quoted field is never closed.");
        fields.Add(field.ToString());
        if (!(fields.Count == 1 && fields[0].Length == 0)) records.Add((fields.ToArray(), startLine));
        return records;
    }

    /// <summary>The table as CSV text, CRLF line ends (as both Canvas and Moodle write them).</summary>
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var row in Rows.Prepend(Header.ToArray()))
            text.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        return text.ToString();
    }

    static string Quote(string s) => s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
