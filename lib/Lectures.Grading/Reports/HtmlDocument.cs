using System.Text;
using System.Text.RegularExpressions;

namespace Lectures.Grading.Reports;

/// <summary>
/// The one writer of the grader's HTML reports (similarity, feedback, manual grading). Every piece of text goes
/// through <see cref="Escape"/>, so student text can never become markup; elements come from a fixed list of tags
/// without attributes other than a checked class name; the page carries a Content-Security-Policy that allows no
/// script, no image, no font and no connection, only the page's own inline style. The file is self-contained.
/// </summary>
public sealed partial class HtmlDocument
{
    /// <summary>The page's Content-Security-Policy: nothing may load or run but inline style.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";

    static readonly HashSet<string> Tags = new(StringComparer.Ordinal)
    {
        "section", "div", "p", "h1", "h2", "h3", "table", "thead", "tbody", "tr", "th", "td", "pre", "code", "mark",
        "span", "strong", "em", "ul", "ol", "li", "details", "summary",
    };

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ClassName();

    readonly string title;
    readonly string style;
    readonly StringBuilder body = new();
    readonly Stack<string> open = new();

    /// <summary>A page titled <paramref name="title"/> (escaped) with the kit's stylesheet <paramref name="style"/> (not student text).</summary>
    public HtmlDocument(string title, string style = "")
    {
        if (style.Contains("</", StringComparison.Ordinal)) throw new ArgumentException("A report's style may not contain '</'.", nameof(style));
        (this.title, this.style) = (title, style);
    }

    /// <summary>&amp;, &lt;, &gt;, " and ' replaced by character references; NUL and other C0 controls but tab and newlines dropped.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' or '\n' or '\r' => c.ToString(),
                < ' ' => "",
                _ => c.ToString(),
            });
        return escaped.ToString();
    }

    /// <summary>Opens element <paramref name="tag"/> (one of a fixed list) with an optional class; close it with <see cref="Close"/>.</summary>
    public HtmlDocument Open(string tag, string? cssClass = null)
    {
        if (!Tags.Contains(tag)) throw new ArgumentException($"'{tag}' is not one of the report's elements: {string.Join(", ", Tags)}.", nameof(tag));
        if (cssClass is not null && !ClassName().IsMatch(cssClass))
            throw new ArgumentException($"'{cssClass}' is not a class name (lower-case letters, digits and '-').", nameof(cssClass));
        body.Append('<').Append(tag);
        if (cssClass is not null) body.Append(" class=\"").Append(cssClass).Append('"');
        body.Append('>');
        open.Push(tag);
        return this;
    }

    /// <summary>Closes the element opened last.</summary>
    public HtmlDocument Close()
    {
        if (open.Count == 0) throw new InvalidOperationException("Close() without an open element.");
        body.Append("</").Append(open.Pop()).Append('>');
        return this;
    }

    /// <summary>Escaped <paramref name="text"/>.</summary>
    public HtmlDocument Text(string text)
    {
        body.Append(Escape(text));
        return this;
    }

    /// <summary>Element <paramref name="tag"/> holding escaped <paramref name="text"/>.</summary>
    public HtmlDocument Element(string tag, string text, string? cssClass = null) => Open(tag, cssClass).Text(text).Close();

    /// <summary>A &lt;pre&gt; block of <paramref name="runs"/>, each escaped, the marked ones inside &lt;mark&gt;.</summary>
    public HtmlDocument Code(IEnumerable<(string Text, bool Marked)> runs)
    {
        Open("pre");
        foreach (var (text, marked) in runs)
            if (marked) Element("mark", text);
            else Text(text);
        return Close();
    }

    /// <summary>The complete page: doctype, charset, the Content-Security-Policy, the title, the style and the body.</summary>
    public string Render()
    {
        if (open.Count > 0) throw new InvalidOperationException($"The report still has open elements: {string.Join(", ", open)}.");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               + $"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">\n"
               + $"<title>{Escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n";
    }

    /// <summary>Writes <see cref="Render"/> to <paramref name="path"/> (a report the grader owns; never a student's file).</summary>
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Render());
    }
}
