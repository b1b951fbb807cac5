using System.Net;
using System.Text;

namespace Lectures;

/// <summary>
/// A table ready to show: named columns, rows of formatted cells and an optional caption. In a notebook the kit's
/// kernel extension displays it as an HTML table; <see cref="ToString"/> gives aligned plain text.
/// Made by <see cref="Tables.ToTable{T}"/>.
/// </summary>
public sealed class TableView
{
    readonly IReadOnlyList<bool> numeric;

    internal TableView(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows,
        IReadOnlyList<bool> numeric, string? caption)
    {
        Columns = columns;
        Rows = rows;
        this.numeric = numeric;
        Caption = caption;
    }

    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows; each holds one formatted cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>The caption, or null.</summary>
    public string? Caption { get; }

    /// <summary>Whether column <paramref name="column"/> holds numbers (shown right-aligned).</summary>
    public bool IsNumeric(int column) => numeric[column];

    /// <summary>
    /// Plain text: the caption line, the header, a rule of dashes, then one line per row; columns are separated by
    /// two spaces and padded to their widest cell, numbers right-aligned, text left-aligned.
    /// </summary>
    public override string ToString()
    {
        var widths = Columns.Select((c, i) => Rows.Select(r => r[i].Length).Append(c.Length).Max()).ToList();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((cell, i) =>
            numeric[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd();
        var text = new StringBuilder();
        if (Caption is not null) text.AppendLine(Caption);
        text.AppendLine(Line(Columns));
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in Rows) text.AppendLine(Line(row));
        return text.ToString().TrimEnd('\n', '\r');
    }

    /// <summary>
    /// An HTML table: <c>&lt;caption&gt;</c> (when there is one), a <c>&lt;thead&gt;</c> with one <c>&lt;th&gt;</c>
    /// per column and a <c>&lt;tbody&gt;</c>; numeric columns are right-aligned. Every text is HTML-encoded.
    /// </summary>
    public string ToHtml()
    {
        string Align(int i) => numeric[i] ? " style=\"text-align:right\"" : " style=\"text-align:left\"";
        var html = new StringBuilder("<table class=\"lectures-table\">");
        if (Caption is not null) html.Append("<caption>").Append(WebUtility.HtmlEncode(Caption)).Append("</caption>");
        html.Append("<thead><tr>");
        for (var i = 0; i < Columns.Count; i++) html.Append($"<th{Align(i)}>{WebUtility.HtmlEncode(Columns[i])}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++) html.Append($"<td{Align(i)}>{WebUtility.HtmlEncode(row[i])}</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }
}
