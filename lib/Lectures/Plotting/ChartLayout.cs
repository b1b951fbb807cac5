using System.Text.Json.Nodes;

namespace Lectures.Plotting;

/// <summary>
/// Fits a Plotly figure to the column of the page that shows it, whoever built the chart: the width follows the
/// column (no fixed width, <c>responsive</c> config), the height is <see cref="Height"/> unless the chart set one,
/// a long title wraps onto subtitle lines, and the legend sits in rows below the plot instead of over the data.
/// </summary>
public static class ChartLayout
{
    /// <summary>The height of a chart that sets none, in px (a two-row grid gets <see cref="GridHeight"/>).</summary>
    public const int Height = 480;

    /// <summary>The height of a chart with more than one y axis (a grid of plots) that sets none, in px.</summary>
    public const int GridHeight = 680;

    /// <summary>Titles longer than this many characters wrap onto subtitle lines.</summary>
    public const int TitleLength = 64;

    /// <summary>Subtitle lines are cut at a space to at most this many characters.</summary>
    public const int SubtitleLength = 96;

    /// <summary>The figure JSON ({"data", "layout", "config"}) with the page layout applied (see the class summary).</summary>
    public static string ForColumn(string figureJson)
    {
        var figure = JsonNode.Parse(figureJson) as JsonObject
            ?? throw new ArgumentException("A Plotly figure is a JSON object with \"data\" and \"layout\".", nameof(figureJson));
        var layout = figure["layout"] as JsonObject ?? new JsonObject();
        figure["layout"] = layout;
        var traces = (figure["data"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];

        layout.Remove("width");
        layout["autosize"] = true;
        if (layout["height"] is null)
            layout["height"] = layout.Any(p => p.Key.StartsWith("yaxis", StringComparison.Ordinal) && p.Key != "yaxis") ? GridHeight : Height;

        var titleLines = 1;
        if (TitleText(layout) is { } text)
        {
            var lines = TitleLines(text);
            titleLines = lines.Count;
            var title = layout["title"] as JsonObject ?? new JsonObject();
            title["text"] = lines[0] + string.Concat(lines.Skip(1).Select(l => "<br><sub>" + l + "</sub>"));
            title["x"] = 0;
            title["xref"] = "paper";
            title["xanchor"] = "left";
            layout["title"] = title;
        }

        var legendEntries = traces.Count(t => t["showlegend"]?.GetValue<bool>() != false && t["name"] is not null);
        var showLegend = layout["showlegend"]?.GetValue<bool>() ?? legendEntries > 1;
        var margin = layout["margin"] as JsonObject ?? new JsonObject();
        margin["t"] = 40 + 26 * titleLines;
        margin["r"] = 24;
        if (showLegend && legendEntries > 0)
        {
            // Rows below the x axis title, anchored to the bottom of the figure; the bottom margin makes room for them.
            layout["legend"] = new JsonObject
            {
                ["orientation"] = "h", ["x"] = 0, ["xanchor"] = "left", ["yref"] = "container", ["y"] = 0, ["yanchor"] = "bottom",
            };
            var rows = Math.Min(6, (int)Math.Ceiling(traces.Where(t => t["showlegend"]?.GetValue<bool>() != false)
                .Sum(t => 40 + 7 * (t["name"]?.ToString().Length ?? 0)) / 640.0));
            margin["b"] = 70 + 22 * rows;
        }
        layout["margin"] = margin;

        var config = figure["config"] as JsonObject ?? new JsonObject();
        config["responsive"] = true;
        config["displaylogo"] = false;
        figure["config"] = config;
        return figure.ToJsonString();
    }

    static string? TitleText(JsonObject layout) => layout["title"] switch
    {
        JsonObject t => t["text"]?.GetValue<string>(),
        JsonValue v => v.GetValue<string>(),
        _ => null,
    };

    /// <summary>
    /// A title as lines: unchanged when short (or already broken with &lt;br&gt;); otherwise the main title up to
    /// the first " — " or ": " (or the last space that keeps it under <see cref="TitleLength"/>), then the rest in
    /// subtitle lines of at most <see cref="SubtitleLength"/> characters.
    /// </summary>
    public static IReadOnlyList<string> TitleLines(string title)
    {
        if (title.Length <= TitleLength || title.Contains("<br", StringComparison.OrdinalIgnoreCase)) return [title];
        foreach (var separator in new[] { " — ", ": " })
        {
            var at = title.IndexOf(separator, StringComparison.Ordinal);
            if (at >= 12 && at <= TitleLength)
                return [title[..at], .. Wrap(title[(at + separator.Length)..].Trim(), SubtitleLength)];
        }
        var cut = title.LastIndexOf(' ', TitleLength);
        return cut <= 0 ? [title] : [title[..cut], .. Wrap(title[(cut + 1)..], SubtitleLength)];
    }

    static IEnumerable<string> Wrap(string text, int width)
    {
        while (text.Length > width && text.LastIndexOf(' ', width) is var cut and > 0)
        {
            yield return text[..cut];
            text = text[(cut + 1)..];
        }
        yield return text;
    }
}
