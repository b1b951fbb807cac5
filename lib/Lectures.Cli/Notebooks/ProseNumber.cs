using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Lectures.Cli.Notebooks;

/// <summary>
/// A number written in a lecture's prose: its markdown cell (0-based), its text as written, its value and the
/// half-width of the interval its last written digit stands for ("0.74" stands for [0.735, 0.745]).
/// </summary>
/// <param name="Cell">Index of the markdown cell among all cells, from 0.</param>
/// <param name="Text">The number as written, thousands separators removed ("50000", "85.7", "5·10^-3").</param>
/// <param name="Value">Its magnitude (signs are not read: "0.8 below" and "−0.8" are the same number).</param>
/// <param name="Tolerance">Half a unit of its last written digit: 0.005 for "0.74", 0.5 for "50", 0.5·10^-3 for "5·10^-3".</param>
/// <param name="Percent">Followed by "%" (directly or as the end of a range "51–53%").</param>
/// <param name="Context">The words around it, for messages.</param>
public sealed partial record ProseNumber(int Cell, string Text, double Value, double Tolerance, bool Percent, string Context)
{
    /// <summary>"cell 12: 0.74 (… context …)".</summary>
    public override string ToString() => $"cell {Cell}: {Text}{(Percent ? "%" : "")} (\"{Context}\")";

    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseMathematics().Build();

    /// <summary>
    /// The numbers in the markdown cells of a notebook. Read: text, table cells and formulas ($…$, $$…$$). Not read:
    /// inline code and code blocks, HTML tags, link targets, list numbering, and words that merely contain a digit
    /// (T5, x_0, ResNet18, 1-WIS, length-2): a digit glued to a letter, an underscore or a hyphenated word is part of a
    /// name. Two-digit numbers with a leading zero (00 … 09) are lecture numbers and are not read either.
    /// Formats: "50,000" is 50000; "5·10^-3", "5 \cdot 10^{-3}", "10^{-10}", "10⁻⁷" and "1e-12" are read whole.
    /// </summary>
    public static IReadOnlyList<ProseNumber> In(NotebookDocument notebook)
    {
        var numbers = new List<ProseNumber>();
        var cells = notebook.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            if (NotebookDocument.Kind(cells[i]) != "markdown") continue;
            foreach (var text in Texts(NotebookDocument.Source(cells[i])))
                numbers.AddRange(Parse(i, text));
        }
        return numbers;
    }

    /// <summary>The files a notebook's markdown names (paths ending in .csv, .tsv, .md or .json, in text, code spans or
    /// links) that exist under <paramref name="root"/> or beside the notebook.</summary>
    public static IReadOnlyList<string> NamedFiles(NotebookDocument notebook, string notebookFolder, string root) =>
        notebook.Cells.Where(c => NotebookDocument.Kind(c) == "markdown")
            .SelectMany(c => FilePattern().Matches(NotebookDocument.Source(c)).Select(m => m.Value.TrimStart('.', '/')))
            .SelectMany(name => new[] { Path.Combine(root, name), Path.Combine(notebookFolder, name) })
            .Where(File.Exists).Select(Path.GetFullPath).Distinct().ToList();

    /// <summary>One string per paragraph, heading, table cell or display formula: its text and inline formulas, with
    /// code, HTML and link targets left out.</summary>
    static IEnumerable<string> Texts(string markdown)
    {
        foreach (var block in Markdig.Markdown.Parse(markdown, Pipeline).Descendants<Block>())
        {
            switch (block)
            {
                case MathBlock math:
                    yield return math.Lines.ToString();
                    break;
                case LeafBlock { Inline: { } inline } leaf when leaf is not CodeBlock && leaf.Parent is not TableCell:
                    yield return Render(inline);
                    break;
                case TableCell cell:
                    yield return string.Join(" ", cell.Descendants<LeafBlock>().Where(l => l.Inline is not null).Select(l => Render(l.Inline!)));
                    break;
            }
        }
    }

    static string Render(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container)
        {
            text.Append(inline switch
            {
                MathInline math => " " + math.Content + " ",
                LiteralInline literal => literal.Content.ToString(),
                LineBreakInline => " ",
                CodeInline or HtmlInline or AutolinkInline or HtmlEntityInline => " ",
                ContainerInline inner => Render(inner),
                _ => " ",
            });
        }
        return text.ToString();
    }

    static IEnumerable<ProseNumber> Parse(int cell, string text)
    {
        text = Superscripts().Replace(text, m => "10^{" + string.Concat(m.Groups[1].Value.Select(Unsuperscript)) + "}");
        foreach (Match m in NumberPattern().Matches(text))
        {
            var context = text.Substring(Math.Max(0, m.Index - 30), Math.Min(text.Length, m.Index + m.Length + 30) - Math.Max(0, m.Index - 30));
            context = Regex.Replace(context, @"\s+", " ").Trim();
            if (m.Groups["exp"].Success)
            {
                var mantissa = m.Groups["mant"].Success ? m.Groups["mant"].Value : "1";
                var exponent = int.Parse(m.Groups["exp"].Value.Replace('−', '-'), CultureInfo.InvariantCulture);
                var decimals = mantissa.Contains('.') ? mantissa.Length - mantissa.IndexOf('.') - 1 : 0;
                yield return new ProseNumber(cell, $"{mantissa}·10^{exponent}",
                    double.Parse(mantissa, CultureInfo.InvariantCulture) * Math.Pow(10, exponent),
                    0.5 * Math.Pow(10, exponent - decimals), false, context);
                continue;
            }
            var written = m.Groups["num"].Value.Replace(",", "");
            if (written.Length == 2 && written[0] == '0') continue;
            var places = written.Contains('.') ? written.Length - written.IndexOf('.') - 1 : 0;
            yield return new ProseNumber(cell, written, double.Parse(written, CultureInfo.InvariantCulture),
                0.5 * Math.Pow(10, -places), m.Groups["pct"].Success, context);
        }
    }

    static char Unsuperscript(char c) => c switch
    {
        '⁻' => '-', '⁰' => '0', '¹' => '1', '²' => '2', '³' => '3',
        _ => (char)('4' + (c - '⁴')),
    };

    [GeneratedRegex(@"10([⁻]?[⁰¹²³⁴-⁹]+)")]
    private static partial Regex Superscripts();

    /// <summary>
    /// Either a power of ten ("m·10^e", "m \cdot 10^{e}", "m × 10^e", "10^{e}", "me-12") or a plain number with
    /// optional thousands separators and decimals, not glued to a word, with an optional "%" (or a range ending in "%").
    /// </summary>
    [GeneratedRegex(@"(?<![\w.\\])(?:(?:(?<mant>\d+(?:\.\d+)?)\s*(?:·|\\cdot|×|\\times)\s*)?10\s*\^\s*\{?\s*(?<exp>[-−]?\d+)\s*\}?|(?<mant>\d+(?:\.\d+)?)[eE](?<exp>[-+]?\d+))(?![\w])" +
                    @"|(?<![\w.\\]|[A-Za-z]-)(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w]|-[A-Za-z]|\.\d)(?<pct>\s*\\?%|(?=\s*[–-]\s*\d+(?:\.\d+)?\s*\\?%))?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"[\w./-]+\.(?:csv|tsv|md|json)\b")]
    private static partial Regex FilePattern();
}
