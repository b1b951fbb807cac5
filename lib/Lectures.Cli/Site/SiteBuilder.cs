using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ColorCode;
using Lectures.Cli.Notebooks;
using Lectures.Plotting;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Syntax;

namespace Lectures.Cli.Site;

/// <summary>
/// Writes the static site: index.html listing the lectures in order, one page per executed notebook (Markdown
/// rendered with Markdig, a table of contents of its headings, C# highlighted by ColorCode, text, HTML, Plotly figure
/// and image outputs, HTML first), plotly.js and, when installed, KaTeX beside them, so charts and formulas draw offline from file://.
/// </summary>
public static partial class SiteBuilder
{
    /// <summary>The plotly.js file name the pages load.</summary>
    public const string PlotlyFile = "plotly.min.js";

    /// <summary>The MIME type of a plotly.js figure as JSON, which JupyterLab and VS Code draw natively.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>The folder beside the pages that holds KaTeX's script, style sheet and fonts.</summary>
    public const string KatexFolder = "katex";

    // Not UseAdvancedExtensions: its generic attributes eat "{t}" and its superscripts eat "^", both common in the math.
    static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .UsePipeTables().UseGridTables().UseAutoIdentifiers().UseAutoLinks().UseMathematics()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough).Build();

    /// <summary>One lecture page: the executed notebook and the page file name.</summary>
    public sealed record Page(string ExecutedNotebook, string FileName, string Title);

    /// <summary>
    /// Writes every page, the index and the assets into <paramref name="outDir"/>; returns the pages in order.
    /// <paramref name="katexDist"/> is KaTeX's dist folder (<see cref="Katex.Ensure"/>); null leaves formulas as TeX.
    /// </summary>
    public static IReadOnlyList<Page> Build(IEnumerable<string> executedNotebooks, string outDir, string? katexDist = null)
    {
        Directory.CreateDirectory(outDir);
        var pages = executedNotebooks.OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
            .Select(p => new Page(p, Path.GetFileNameWithoutExtension(p) + ".html",
                NotebookDocument.Load(p).Title(Path.GetFileNameWithoutExtension(p))))
            .ToList();
        var katex = katexDist is not null;
        for (var i = 0; i < pages.Count; i++)
            File.WriteAllText(Path.Combine(outDir, pages[i].FileName),
                RenderPage(NotebookDocument.Load(pages[i].ExecutedNotebook), pages[i].Title,
                    i > 0 ? pages[i - 1] : null, i + 1 < pages.Count ? pages[i + 1] : null, katex));
        File.WriteAllText(Path.Combine(outDir, "index.html"), RenderIndex(pages));
        foreach (var asset in new[] { PlotlyFile, "site.css", "typeset.js" })
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Site", asset), Path.Combine(outDir, asset), overwrite: true);
        if (katexDist is not null) CopyKatex(katexDist, Path.Combine(outDir, KatexFolder));
        return pages;
    }

    /// <summary>Copies katex.min.js, katex.min.css and the woff2 fonts (every browser that runs KaTeX reads woff2).</summary>
    static void CopyKatex(string dist, string target)
    {
        Directory.CreateDirectory(Path.Combine(target, "fonts"));
        foreach (var file in new[] { "katex.min.js", "katex.min.css" })
            File.Copy(Path.Combine(dist, file), Path.Combine(target, file), overwrite: true);
        foreach (var font in Directory.GetFiles(Path.Combine(dist, "fonts"), "*.woff2"))
            File.Copy(font, Path.Combine(target, "fonts", Path.GetFileName(font)), overwrite: true);
    }

    /// <summary>
    /// The formulas Markdig marks in <paramref name="markdown"/> (the spans the site typesets): $...$ inline and
    /// $$...$$ display, in order, each tagged with <paramref name="where"/>.
    /// </summary>
    public static IReadOnlyList<Formula> Formulas(string markdown, string where)
    {
        var document = Markdig.Markdown.Parse(markdown, Markdown);
        return document.Descendants().SelectMany(node => node switch
        {
            MathInline inline => [new Formula(inline.Content.ToString(), inline.DelimiterCount > 1, where)],
            MathBlock block => [new Formula(block.Lines.ToString().Trim(), true, where)],
            _ => Array.Empty<Formula>(),
        }).ToList();
    }

    /// <summary>
    /// The formulas of every markdown cell and markdown output of a notebook (what its page typesets), tagged
    /// "file, cell N" (N counts from 1).
    /// </summary>
    public static IReadOnlyList<Formula> Formulas(string notebookPath)
    {
        var cells = NotebookDocument.Load(notebookPath).Cells;
        return cells.SelectMany((cell, i) =>
        {
            var where = $"{Path.GetFileName(notebookPath)}, cell {i + 1}";
            var markdown = NotebookDocument.Kind(cell) == "markdown"
                ? [NotebookDocument.Source(cell)]
                : NotebookDocument.Outputs(cell).Select(ShownMarkdown).OfType<string>();
            return markdown.SelectMany(md => Formulas(md, where));
        }).ToList();
    }

    static string RenderIndex(IReadOnlyList<Page> pages)
    {
        var items = string.Concat(pages.Select(p =>
            $"<li><a href=\"{p.FileName}\">{Encode(p.Title)}</a> <span class=\"file\">{Encode(Path.GetFileNameWithoutExtension(p.FileName))}</span></li>\n"));
        return Layout("Two Analyses of Modern Deep Learning: the lectures", "",
            "<h1>Two Analyses of Modern Deep Learning</h1>\n<p>Executed lecture notebooks of the Lectures kit, in order.</p>\n<ol class=\"lectures\">\n" + items + "</ol>", "");
    }

    static string RenderPage(NotebookDocument nb, string title, Page? previous, Page? next, bool katex)
    {
        var body = new StringBuilder();
        var nav = "<nav class=\"pager\"><a href=\"index.html\">All lectures</a>" +
                  (previous is null ? "" : $" · <a href=\"{previous.FileName}\">← {Encode(previous.Title)}</a>") +
                  (next is null ? "" : $" · <a href=\"{next.FileName}\">{Encode(next.Title)} →</a>") + "</nav>";
        body.AppendLine(nav);
        var headings = new Headings();
        foreach (var cell in nb.Cells)
        {
            var source = NotebookDocument.Source(cell);
            switch (NotebookDocument.Kind(cell))
            {
                case "markdown":
                    body.AppendLine("<section class=\"markdown\">" + headings.Collect(LecturePages(Markdig.Markdown.ToHtml(source, Markdown))) + "</section>");
                    break;
                case "code":
                    body.AppendLine($"<section class=\"code\">{CSharpHtml(source)}");
                    foreach (var output in NotebookDocument.Outputs(cell).Where(o => !IsPackageReport(o)))
                        body.AppendLine("<div class=\"output\">" + RenderOutput(output) + "</div>");
                    body.AppendLine("</section>");
                    break;
            }
        }
        body.AppendLine(nav);
        var assets = (katex ? $"<link rel=\"stylesheet\" href=\"{KatexFolder}/katex.min.css\">\n<script src=\"{KatexFolder}/katex.min.js\"></script>\n" : "")
                     + $"<script src=\"{PlotlyFile}\"></script>";
        return Layout(title, headings.TableOfContents(), body.ToString(), assets);
    }

    static readonly HtmlClassFormatter CSharpFormatter = new();

    /// <summary>A code cell as &lt;pre&gt; with ColorCode's classes on keywords, strings, comments and numbers.</summary>
    static string CSharpHtml(string source)
    {
        // ColorCode wraps its <pre> in a <div>; keep only the <pre>'s content, the site styles the classes.
        var html = CSharpFormatter.GetHtmlString(source, Languages.CSharp);
        var start = html.IndexOf("<pre>", StringComparison.Ordinal);
        var end = html.LastIndexOf("</pre>", StringComparison.Ordinal);
        var code = start >= 0 && end > start ? html[(start + 5)..end] : Encode(source);
        return $"<pre><code class=\"language-csharp\">{code.TrimStart('\r', '\n').TrimEnd()}</code></pre>";
    }

    /// <summary>The h2 and h3 headings of a page, for its table of contents; ids made unique across cells.</summary>
    sealed class Headings
    {
        readonly HashSet<string> ids = new(StringComparer.Ordinal);
        readonly List<(int Level, string Id, string Html)> entries = [];

        /// <summary>Records the headings of one cell's HTML; returns the HTML with an id used by an earlier cell suffixed
        /// -1, -2, ... (as Markdig does within one cell).</summary>
        public string Collect(string html) => HeadingPattern().Replace(html, m =>
        {
            var id = m.Groups["id"].Value;
            for (var n = 1; !ids.Add(id); n++) id = $"{m.Groups["id"].Value}-{n}";
            var level = m.Groups["level"].Value[0] - '0';
            if (level is 2 or 3) entries.Add((level, id, m.Groups["html"].Value));
            return $"<h{level} id=\"{id}\">{m.Groups["html"].Value}</h{level}>";
        });

        /// <summary>A nav with one link per h2 and h3, or "" when the page has fewer than two.</summary>
        public string TableOfContents() => entries.Count < 2 ? "" :
            "<nav class=\"toc\" aria-label=\"Contents\"><p class=\"toc-title\">Contents</p><ul>\n" +
            string.Concat(entries.Select(e => $"<li class=\"toc-h{e.Level}\"><a href=\"#{e.Id}\">{e.Html}</a></li>\n")) +
            "</ul></nav>";
    }

    /// <summary>The copy of plotly.js the kit's kernel sends with a session's first chart; the site serves its own.</summary>
    [GeneratedRegex("<script[^>]*\\sdata-lectures-plotly(=\"[^\"]*\")?[^>]*>.*?</script>\\s*", RegexOptions.Singleline)]
    private static partial Regex KernelPlotlyScript();

    [GeneratedRegex("<h(?<level>[1-6]) id=\"(?<id>[^\"]*)\">(?<html>.*?)</h\\k<level>>", RegexOptions.Singleline)]
    private static partial Regex HeadingPattern();

    /// <summary>A lecture's link to another lecture's notebook points at that lecture's page: href="NN-name.ipynb#x"
    /// becomes href="NN-name.html#x".</summary>
    static string LecturePages(string html) => LectureLinkPattern().Replace(html, "href=\"${page}.html${anchor}\"");

    [GeneratedRegex("href=\"(?:\\./)?(?<page>\\d{2}-[^\"/#]*)\\.ipynb(?<anchor>#[^\"]*)?\"")]
    private static partial Regex LectureLinkPattern();

    static string RenderOutput(JsonObject output)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                return $"<pre class=\"stream\">{Encode(NotebookDocument.Text(output["text"]))}</pre>";
            case "error":
                return $"<pre class=\"error\">{Encode(output["evalue"]?.GetValue<string>() ?? output["ename"]?.GetValue<string>() ?? "error")}</pre>";
        }
        var data = output["data"] as JsonObject;
        if (data is null) return "";
        if (data["text/html"] is JsonNode html) return KernelPlotlyScript().Replace(NotebookDocument.Text(html), "");
        if (data[PlotlyMimeType] is JsonObject figure) return ChartHtml.FromFigureJson(figure.ToJsonString());
        if (data["image/svg+xml"] is JsonNode svg) return NotebookDocument.Text(svg);
        if (data["image/png"] is JsonNode png) return $"<img src=\"data:image/png;base64,{NotebookDocument.Text(png).Trim()}\" alt=\"figure\">";
        if (ShownMarkdown(output) is { } md) return Markdig.Markdown.ToHtml(md, Markdown);
        if (data["text/plain"] is JsonNode text) return $"<pre>{Encode(NotebookDocument.Text(text))}</pre>";
        return "";
    }

    /// <summary>
    /// True for the kernel's HTML report of a <c>#r "nuget: ..."</c> cell ("Restore sources", "Installing Packages" while
    /// it restores, then "Installed Packages" with the versions): the executed notebook keeps it, the site leaves it out.
    /// </summary>
    internal static bool IsPackageReport(JsonObject output) =>
        output["data"] is JsonObject data && data["text/html"] is JsonNode html && NotebookDocument.Text(html) is var text
        && PackageReportHeadings.Any(h => text.Contains(h, StringComparison.Ordinal));

    static readonly string[] PackageReportHeadings = ["Installed Packages", "Installing Packages", "Restore sources"];

    /// <summary>The markdown an output shows on the page: its text/markdown when it has no HTML or image to show first.</summary>
    static string? ShownMarkdown(JsonObject output) =>
        output["data"] is JsonObject data && data["text/html"] is null && data[PlotlyMimeType] is null && data["image/svg+xml"] is null && data["image/png"] is null
            && data["text/markdown"] is JsonNode md ? NotebookDocument.Text(md) : null;

    /// <summary>The HTML document: head with the style sheet and <paramref name="assets"/>, the contents beside the main column.</summary>
    static string Layout(string title, string toc, string body, string assets) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)}</title>
        <link rel="stylesheet" href="site.css">
        {assets}
        </head>
        <body>
        <div class="page{(toc.Length == 0 ? "" : " with-toc")}">
        {toc}
        <main>
        {body}
        </main>
        </div>
        <script src="typeset.js"></script>
        </body>
        </html>
        """;

    static string Encode(string s) => WebUtility.HtmlEncode(s);
}
