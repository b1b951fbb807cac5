using System.Globalization;
using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace Lectures.Grading.Format;

/// <summary>
/// Reads and writes .ipynb files with Microsoft.DotNet.Interactive.Documents (its Jupyter parser keeps each cell's
/// id and metadata), and reads the "grading" object of a cell's metadata:
/// {"grade_id": "q1", "role": "solution" | "test" | "readonly" | "manual", "points": 2, "hidden": true}.
/// </summary>
public static class NotebookFile
{
    /// <summary>The cell metadata key of the grading object.</summary>
    public const string MetadataKey = "grading";

    /// <summary>
    /// Parses the nbformat 4 notebook at <paramref name="path"/>; throws InvalidDataException naming the file when
    /// it is not a notebook, is of another nbformat (3 keeps its cells in "worksheets"), or has no list of cells.
    /// </summary>
    public static InteractiveDocument Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Notebook not found: {path}", path);
        try
        {
            var text = File.ReadAllText(path);
            CheckFormat(text);
            return Notebook.Parse(text);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException
                                      or NullReferenceException or InvalidCastException)
        {
            throw new InvalidDataException($"{path} is not a readable Jupyter notebook: {e.Message}", e);
        }
    }

    static void CheckFormat(string text)
    {
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException($"it is a JSON {root.ValueKind}, not an object");
        if (!root.TryGetProperty("nbformat", out var format) || format.ValueKind != JsonValueKind.Number || format.GetDouble() != 4)
            throw new FormatException($"its nbformat is {(root.TryGetProperty("nbformat", out var f) ? f.GetRawText() : "missing")}; only nbformat 4 is read (open and save it in Jupyter or VS Code)");
        if (!root.TryGetProperty("cells", out var cells) || cells.ValueKind != JsonValueKind.Array)
            throw new FormatException("it has no list of cells (\"cells\" must be an array)");
        foreach (var cell in cells.EnumerateArray())
            if (cell.ValueKind != JsonValueKind.Object || !cell.TryGetProperty("cell_type", out var type) || type.ValueKind != JsonValueKind.String)
                throw new FormatException("a cell is not an object with a cell_type");
    }

    /// <summary>Writes <paramref name="document"/> as nbformat 4 JSON.</summary>
    public static void Write(InteractiveDocument document, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Serialize(document));
    }

    /// <summary>The nbformat 4 JSON of <paramref name="document"/>.</summary>
    public static string Serialize(InteractiveDocument document) => document.ToJupyterJson() + "\n";

    /// <summary>True for a code cell (Markdown and raw cells are not code).</summary>
    public static bool IsCode(InteractiveDocumentElement cell) => cell.KernelName is not ("markdown" or "raw");

    /// <summary>The cell's grading object, or null.</summary>
    public static IDictionary<string, object>? Grading(InteractiveDocumentElement cell) =>
        cell.Metadata is { } meta && meta.TryGetValue(MetadataKey, out var g) ? g as IDictionary<string, object> : null;

    /// <summary>The cell's grade id: grading.grade_id, else the nbformat cell id, else null.</summary>
    public static string? GradeId(InteractiveDocumentElement cell) =>
        Grading(cell) is { } g && g.TryGetValue("grade_id", out var id) && id is string s && s.Length > 0 ? s
        : string.IsNullOrEmpty(cell.Id) ? null : cell.Id;

    /// <summary>A string field of a grading object, or null.</summary>
    public static string? Text(IDictionary<string, object> grading, string key) =>
        grading.TryGetValue(key, out var v) ? v?.ToString() : null;

    /// <summary>A number field of a grading object, or null; throws InvalidDataException when it is not a number.</summary>
    public static double? Number(IDictionary<string, object> grading, string key, string cellId) =>
        !grading.TryGetValue(key, out var v) || v is null ? null
        : v switch
        {
            double d => d,
            long l => l,
            int i => i,
            decimal m => (double)m,
            JsonElement { ValueKind: JsonValueKind.Number } j => j.GetDouble(),
            _ => double.TryParse(v.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p
                : throw new InvalidDataException($"Cell '{cellId}': grading.{key} must be a number, got '{v}'."),
        };

    /// <summary>A true/false field of a grading object (false when absent).</summary>
    public static bool Flag(IDictionary<string, object> grading, string key) =>
        grading.TryGetValue(key, out var v) && v is true or JsonElement { ValueKind: JsonValueKind.True };
}
