using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Lectures.Cli.Notebooks;

/// <summary>
/// Every number in a lecture's prose must be backed: printed by one of its cells, found in a file its markdown names
/// (e.g. <c>benchmarks/results/sparsification.csv</c>, <c>benchmarks/RESULTS.md</c>), or allowed as definitional
/// (<see cref="NumberAllowList"/>).
/// <para>Matching. A prose number stands for the interval its last digit allows, and an output or file number x
/// backs it when |x| lies in that interval: "0.74" is backed by 0.74, 0.740 and 0.7412 (they round to it), not by
/// 0.7 or 0.75; "50" by 50 and 49.6; "85.7%" also by the fraction 0.857 (x·100 rounds to it). Signs are ignored.
/// Thousands separators are dropped on both sides ("5,278" = 5278). Output numbers are every decimal number in a
/// code cell's text, markdown or HTML output (tags and scripts removed: a chart's data does not count as printed)
/// and in the named files, including digits inside words (WI_1 = 8 prints 1 and 8) and e-notation (1.5E-07). Where
/// in the notebook the backing output sits is not checked: an exercise's answer is printed by the cell below it.</para>
/// </summary>
public static partial class NumberBacking
{
    /// <summary>
    /// The prose numbers of <paramref name="sourceNotebook"/> that neither an output of <paramref name="executedNotebook"/>,
    /// nor a file the lecture names (under <paramref name="root"/>), nor the lecture's entries in
    /// <c>notebooks/number-allowlist.json</c> under <paramref name="root"/> back; empty when all are backed.
    /// </summary>
    public static IReadOnlyList<ProseNumber> Unbacked(string sourceNotebook, string executedNotebook, string root)
    {
        var source = NotebookDocument.Load(sourceNotebook);
        var allowed = NumberAllowList.Load(root).For(Path.GetFileName(sourceNotebook)).Select(a => a.Number).ToHashSet();
        var printed = OutputNumbers(NotebookDocument.Load(executedNotebook))
            .Concat(ProseNumber.NamedFiles(source, Path.GetDirectoryName(Path.GetFullPath(sourceNotebook))!, root)
                .SelectMany(f => Numbers(File.ReadAllText(f))))
            .Order().ToArray();
        return ProseNumber.In(source).Where(n => !allowed.Contains(n.Text) && !Backed(n, printed)).ToList();
    }

    /// <summary>True when a number of <paramref name="sorted"/> (ascending magnitudes) lies within the number's tolerance,
    /// or, for a percentage, when 100 times one does.</summary>
    public static bool Backed(ProseNumber number, double[] sorted) =>
        AnyWithin(sorted, number.Value, number.Tolerance)
        || (number.Percent && AnyWithin(sorted, number.Value / 100, number.Tolerance / 100));

    static bool AnyWithin(double[] sorted, double value, double tolerance)
    {
        // A little slack so that 0.745 (stored as 0.74499…) still rounds to "0.74" or "0.75" as a reader would.
        var (low, high) = (value - tolerance * (1 + 1e-9) - 1e-12, value + tolerance * (1 + 1e-9) + 1e-12);
        var i = Array.BinarySearch(sorted, low);
        if (i < 0) i = ~i;
        return i < sorted.Length && sorted[i] <= high;
    }

    /// <summary>The magnitudes of the numbers printed by the code cells: text, markdown and HTML outputs (HTML tags,
    /// scripts and styles removed, entities decoded).</summary>
    public static IEnumerable<double> OutputNumbers(NotebookDocument executed) =>
        executed.Cells.Where(c => NotebookDocument.Kind(c) == "code")
            .SelectMany(NotebookDocument.Outputs)
            .SelectMany(o => Numbers(OutputText(o)));

    static string OutputText(System.Text.Json.Nodes.JsonObject output)
    {
        var data = output["data"];
        var html = NotebookDocument.Text(data?["text/html"]);
        html = TagPattern().Replace(ScriptPattern().Replace(html, " "), " ");
        return NotebookDocument.Text(output["text"]) + "\n" + NotebookDocument.Text(data?["text/plain"]) + "\n"
               + NotebookDocument.Text(data?["text/markdown"]) + "\n" + WebUtility.HtmlDecode(html);
    }

    /// <summary>The magnitudes of all decimal numbers in <paramref name="text"/>: each digit run with its decimals and
    /// e-notation, and, where thousands separators occur, the joined number as well as its parts.</summary>
    public static IEnumerable<double> Numbers(string text)
    {
        foreach (Match m in OutputNumberPattern().Matches(text))
            yield return double.Parse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        foreach (Match m in ThousandsPattern().Matches(text))
            yield return double.Parse(m.Value.Replace(",", ""), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")]
    private static partial Regex OutputNumberPattern();

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+(?:\.\d+)?")]
    private static partial Regex ThousandsPattern();

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptPattern();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex TagPattern();
}
