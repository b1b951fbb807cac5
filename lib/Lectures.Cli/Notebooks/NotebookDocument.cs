using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lectures.Cli.Notebooks;

/// <summary>A Jupyter notebook (.ipynb, nbformat 4) as JSON, with the few views the runner and the site need.</summary>
public sealed class NotebookDocument
{
    readonly JsonObject root;

    NotebookDocument(JsonObject root) => this.root = root;

    /// <summary>Reads a notebook; throws <see cref="InvalidDataException"/> naming the file when it is not a notebook.</summary>
    public static NotebookDocument Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Notebook not found: {path}", path);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }
        if (node is not JsonObject obj || obj["cells"] is not JsonArray)
            throw new InvalidDataException($"{path} is not a Jupyter notebook: it has no \"cells\" array.");
        return new NotebookDocument(obj);
    }

    /// <summary>The cells as JSON objects.</summary>
    public IReadOnlyList<JsonObject> Cells => ((JsonArray)root["cells"]!).OfType<JsonObject>().ToList();

    /// <summary>The notebook's metadata object.</summary>
    public JsonObject Metadata => root["metadata"] as JsonObject ?? new JsonObject();

    /// <summary>The title: the first Markdown heading of level 1, else the fallback.</summary>
    public string Title(string fallback) =>
        Cells.Where(c => Kind(c) == "markdown")
            .SelectMany(c => Source(c).Split('\n'))
            .Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? fallback;

    /// <summary>"code", "markdown" or "raw".</summary>
    public static string Kind(JsonObject cell) => cell["cell_type"]?.GetValue<string>() ?? "";

    /// <summary>A cell's source as one string (nbformat allows a string or a list of lines).</summary>
    public static string Source(JsonObject cell) => Text(cell["source"]);

    /// <summary>A multiline nbformat string (a string or an array of strings) joined.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray a => string.Concat(a.Select(x => x?.GetValue<string>() ?? "")),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };

    /// <summary>A code cell's outputs.</summary>
    public static IReadOnlyList<JsonObject> Outputs(JsonObject cell) =>
        (cell["outputs"] as JsonArray)?.OfType<JsonObject>().ToList() ?? new List<JsonObject>();

    /// <summary>Replaces this notebook's content and writes it to <paramref name="path"/> (indented, UTF-8).</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>The underlying JSON, for in-place edits by the runner.</summary>
    internal JsonObject Json => root;
}
