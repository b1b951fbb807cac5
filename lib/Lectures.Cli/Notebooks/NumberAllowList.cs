using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lectures.Cli.Notebooks;

/// <summary>A definitional number a lecture may write without printing it, and why ("2": "depth L = 2 and width D_h = 2, chosen").</summary>
/// <param name="Number">The number as <see cref="ProseNumber.Text"/> gives it ("2017", "0.5", "5·10^-3").</param>
/// <param name="Reason">Why it needs no backing.</param>
public sealed record AllowedNumber(string Number, string Reason);

/// <summary>
/// The per-lecture allow-list of definitional numbers, <c>notebooks/number-allowlist.json</c>: an object whose keys are
/// lecture numbers ("00", "01", …, the file name's prefix before its first "-") and whose values are arrays of
/// <c>{"number": "…", "reason": "…"}</c>. A missing file allows nothing.
/// </summary>
public sealed class NumberAllowList
{
    /// <summary>The file's path under the repository root.</summary>
    public const string RelativePath = "notebooks/number-allowlist.json";

    readonly IReadOnlyDictionary<string, IReadOnlyList<AllowedNumber>> lectures;

    NumberAllowList(IReadOnlyDictionary<string, IReadOnlyList<AllowedNumber>> lectures) => this.lectures = lectures;

    /// <summary>Reads <see cref="RelativePath"/> under <paramref name="root"/>; throws <see cref="InvalidDataException"/>
    /// naming the entry when an entry has no number or no reason, or a lecture lists a number twice.</summary>
    public static NumberAllowList Load(string root)
    {
        var path = Path.Combine(root, RelativePath);
        if (!File.Exists(path)) return new NumberAllowList(new Dictionary<string, IReadOnlyList<AllowedNumber>>());
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }
        if (json is not JsonObject byLecture)
            throw new InvalidDataException($"{path} must hold an object keyed by lecture number (\"00\", \"01\", ...).");
        var lectures = new Dictionary<string, IReadOnlyList<AllowedNumber>>();
        foreach (var (lecture, entries) in byLecture)
        {
            if (entries is not JsonArray array)
                throw new InvalidDataException($"{path}: lecture \"{lecture}\" must map to an array of {{\"number\", \"reason\"}} entries.");
            var list = array.Select((e, i) => Entry(e, $"{path}: lecture \"{lecture}\", entry {i}")).ToList();
            var twice = list.GroupBy(a => a.Number).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null)
                throw new InvalidDataException($"{path}: lecture \"{lecture}\" lists the number {twice.Key} twice; give it one entry with one reason.");
            lectures[lecture] = list;
        }
        return new NumberAllowList(lectures);
    }

    /// <summary>The entries of the lecture whose file is <paramref name="notebookFileName"/> ("03-walk-index.ipynb" → "03").</summary>
    public IReadOnlyList<AllowedNumber> For(string notebookFileName) =>
        lectures.TryGetValue(Path.GetFileName(notebookFileName).Split('-')[0], out var list) ? list : [];

    static AllowedNumber Entry(JsonNode? node, string where)
    {
        var number = (node as JsonObject)?["number"] is JsonValue n && n.TryGetValue<string>(out var s) ? s.Trim() : "";
        var reason = (node as JsonObject)?["reason"] is JsonValue r && r.TryGetValue<string>(out var t) ? t.Trim() : "";
        if (number.Length == 0) throw new InvalidDataException($"{where} has no \"number\" (a string such as \"2017\").");
        if (reason.Length == 0) throw new InvalidDataException($"{where} (number {number}) has no \"reason\": say why it needs no backing.");
        return new AllowedNumber(number, reason);
    }
}
