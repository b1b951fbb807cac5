using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Lectures.Cli.Notebooks;
using Markdig;

namespace Lectures.Cli.Site;

/// <summary>
/// Writes the static site: index.html listing the lectures in order, one page per executed notebook (Markdown
/// rendered with Markdig, code cells, text, HTML and image outputs), and plotly.js beside them so the charts draw
/// offline from file://.
/// </summary>
public static class SiteBuilder
{
    /// <summary>The plotly.js file name the pages load.</summary>
    public const string PlotlyFile = "plotly.min.js";

    // Not UseAdvancedExtensions: its generic attributes eat "{t}" and its superscripts eat "^", both common in the math.
    static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .UsePipeTables().UseGridTables().UseAutoIdentifiers().UseAutoLinks().UseMathematics()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough).Build();

    /// <summary>One lecture page: the executed notebook and the page file name.</summary>
    public sealed record Page(string ExecutedNotebook, string FileName, string Title);

    /// <summary>Writes every page, the index and the assets into <paramref name="outDir"/>; returns the pages in order.</summary>
    public static IReadOnlyList<Page> Build(IEnumerable<string> executedNotebooks, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var pages = executedNotebooks.OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
            .Select(p => new Page(p, Path.GetFileNameWithoutExtension(p) + ".html",
                NotebookDocument.Load(p).Title(Path.GetFileNameWithoutExtension(p))))
            .ToList();
        for (var i = 0; i < pages.Count; i++)
            File.WriteAllText(Path.Combine(outDir, pages[i].FileName),
                RenderPage(NotebookDocument.Load(pages[i].ExecutedNotebook), pages[i].Title,
                    i > 0 ? pages[i - 1] : null, i + 1 < pages.Count ? pages[i + 1] : null));
        File.WriteAllText(Path.Combine(outDir, "index.html"), RenderIndex(pages));
        foreach (var asset in new[] { PlotlyFile, "site.css" })
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Site", asset), Path.Combine(outDir, asset), overwrite: true);
        return pages;
    }

    static string RenderIndex(IReadOnlyList<Page> pages)
    {
        var items = string.Concat(pages.Select(p =>
            $"<li><a href=\"{p.FileName}\">{Encode(p.Title)}</a> <span class=\"file\">{Encode(Path.GetFileNameWithoutExtension(p.FileName))}</span></li>\n"));
        return Shell("Two Analyses of Modern Deep Learning: the lectures",
            "<h1>Two Analyses of Modern Deep Learning</h1>\n<p>Executed lecture notebooks of the Lectures kit, in order.</p>\n<ol class=\"lectures\">\n" + items + "</ol>", null);
    }

    static string RenderPage(NotebookDocument nb, string title, Page? previous, Page? next)
    {
        var body = new StringBuilder();
        var nav = "<nav><a href=\"index.html\">All lectures</a>" +
                  (previous is null ? "" : $" · <a href=\"{previous.FileName}\">← {Encode(previous.Title)}</a>") +
                  (next is null ? "" : $" · <a href=\"{next.FileName}\">{Encode(next.Title)} →</a>") + "</nav>";
        body.AppendLine(nav);
        foreach (var cell in nb.Cells)
        {
            var source = NotebookDocument.Source(cell);
            switch (NotebookDocument.Kind(cell))
            {
                case "markdown":
                    body.AppendLine("<section class=\"markdown\">" + Markdig.Markdown.ToHtml(source, Markdown) + "</section>");
                    break;
                case "code":
                    body.AppendLine($"<section class=\"code\"><pre><code class=\"language-csharp\">{Encode(source)}</code></pre>");
                    foreach (var output in NotebookDocument.Outputs(cell))
                        body.AppendLine("<div class=\"output\">" + RenderOutput(output) + "</div>");
                    body.AppendLine("</section>");
                    break;
            }
        }
        body.AppendLine(nav);
        return Shell(title, body.ToString(), PlotlyFile);
    }

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
        if (data["text/html"] is JsonNode html) return NotebookDocument.Text(html);
        if (data["image/svg+xml"] is JsonNode svg) return NotebookDocument.Text(svg);
        if (data["image/png"] is JsonNode png) return $"<img src=\"data:image/png;base64,{NotebookDocument.Text(png).Trim()}\" alt=\"figure\">";
        if (data["text/markdown"] is JsonNode md) return Markdig.Markdown.ToHtml(NotebookDocument.Text(md), Markdown);
        if (data["text/plain"] is JsonNode text) return $"<pre>{Encode(NotebookDocument.Text(text))}</pre>";
        return "";
    }

    static string Shell(string title, string body, string? plotly) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)}</title>
        <link rel="stylesheet" href="site.css">
        {(plotly is null ? "" : $"<script src=\"{plotly}\"></script>")}
        </head>
        <body>
        <main>
        {body}
        </main>
        </body>
        </html>
        """;

    static string Encode(string s) => WebUtility.HtmlEncode(s);
}
