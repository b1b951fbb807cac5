using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Lectures.Kernel.Protocol;

/// <summary>
/// The cells of this session that were run with store_history, for history_request: "tail" (the last n), "range"
/// (start ≤ line &lt; stop) and "search" (a glob pattern, optionally unique, the last n). Entries are
/// [session, line, input] with session 0, the current session; outputs are not kept, so output=true gives [input, null].
/// </summary>
public sealed class History
{
    readonly List<(int Line, string Input)> entries = [];
    readonly object gate = new();

    /// <summary>Records the cell run as execution <paramref name="line"/>.</summary>
    public void Add(int line, string input)
    {
        lock (gate) entries.Add((line, input));
    }

    /// <summary>The "history" array answering a history_request with <paramref name="content"/>.</summary>
    public JsonArray Answer(JsonObject content)
    {
        List<(int Line, string Input)> all;
        lock (gate) all = [.. entries];
        var n = (int?)content["n"];
        IEnumerable<(int Line, string Input)> chosen = (string?)content["hist_access_type"] switch
        {
            "tail" => n is { } count ? all.TakeLast(count) : all,
            "range" => all.Where(e => e.Line >= ((int?)content["start"] ?? 0) && ((int?)content["stop"] is not { } stop || e.Line < stop)),
            "search" => Search(all, (string?)content["pattern"] ?? "*", (bool?)content["unique"] ?? false, n),
            _ => [],
        };
        var output = (bool?)content["output"] ?? false;
        return new JsonArray(chosen.Select(e => (JsonNode)new JsonArray(0, e.Line, output ? new JsonArray(e.Input, null) : e.Input)).ToArray());
    }

    static IEnumerable<(int Line, string Input)> Search(List<(int Line, string Input)> all, string pattern, bool unique, int? n)
    {
        var glob = new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.Singleline);
        var found = all.Where(e => glob.IsMatch(e.Input));
        if (unique) found = found.Reverse().DistinctBy(e => e.Input).Reverse();
        return n is { } count ? found.TakeLast(count) : found;
    }
}
