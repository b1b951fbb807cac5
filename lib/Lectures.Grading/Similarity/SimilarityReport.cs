using System.Globalization;
using Lectures.Grading.Reports;

namespace Lectures.Grading.Similarity;

/// <summary>
/// The similarity report: one HTML page (<see cref="HtmlDocument"/>) listing the pairs at or above the threshold,
/// highest score first, each with its matching passages side by side. It flags pairs for a person to look at; it
/// says so, and accuses no one.
/// </summary>
public static class SimilarityReport
{
    /// <summary>The sentence at the top of every report.</summary>
    public const string Disclaimer =
        "This report flags pairs of submissions whose solution code shares unusually many token sequences, after "
        + "identifiers and literals are normalised and the code given in the release is removed. A flag is not a finding: "
        + "similar code has innocent causes (a shared idiom, a hint given in class, a small exercise with few ways to write it). "
        + "Read both submissions and talk with the students before drawing any conclusion.";

    const string Style =
        "body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;width:100%}"
        + "td,th{border:1px solid #ccc;padding:.3em;vertical-align:top;text-align:left}pre{white-space:pre-wrap;margin:0}"
        + "mark{background:#fde68a}.note{background:#eef;padding:.6em}";

    /// <summary>The report of <paramref name="pairs"/> (from <see cref="SimilarityComparison.Compare"/>) for assignment <paramref name="assignment"/>.</summary>
    public static HtmlDocument Render(string assignment, int submissions, IReadOnlyList<SimilarPair> pairs, SimilarityOptions options)
    {
        var flagged = pairs.Where(p => p.Score >= options.Threshold).ToList();
        var page = new HtmlDocument($"Similarity report: {assignment}", Style)
            .Element("h1", $"Similarity report: {assignment}")
            .Element("p", Disclaimer, "note")
            .Element("p", string.Create(CultureInfo.InvariantCulture,
                $"{submissions} submissions, {submissions * (submissions - 1) / 2} pairs compared; {flagged.Count} at or above the threshold {options.Threshold:0.00} (winnowing with k = {options.K}, w = {options.Window})."));
        page.Open("table").Open("tr").Element("th", "Rank").Element("th", "Submission A").Element("th", "Submission B")
            .Element("th", "Score (Jaccard)").Element("th", "Of A in B").Element("th", "Of B in A").Close();
        foreach (var (pair, rank) in flagged.Select((p, i) => (p, i + 1)))
            page.Open("tr").Element("td", rank.ToString(CultureInfo.InvariantCulture)).Element("td", pair.A.Student).Element("td", pair.B.Student)
                .Element("td", Percent(pair.Score)).Element("td", Percent(pair.OfA)).Element("td", Percent(pair.OfB)).Close();
        page.Close();
        foreach (var (pair, rank) in flagged.Select((p, i) => (p, i + 1)))
        {
            page.Open("section").Element("h2", $"{rank}. {pair.A.Student} and {pair.B.Student}: {Percent(pair.Score)}");
            page.Open("table").Open("tr").Element("th", pair.A.Student).Element("th", pair.B.Student).Close();
            foreach (var passage in pair.Passages)
                page.Open("tr").Open("td").Code(Marked(pair.A.Cells[passage.CellA], passage.StartA, passage.EndA)).Close()
                    .Open("td").Code(Marked(pair.B.Cells[passage.CellB], passage.StartB, passage.EndB)).Close().Close();
            page.Close().Close();
        }
        return page;
    }

    static string Percent(double x) => x.ToString("0%", CultureInfo.InvariantCulture);

    /// <summary>The lines of <paramref name="cell"/> around [start, end), that range marked.</summary>
    static IEnumerable<(string, bool)> Marked(string cell, int start, int end)
    {
        var from = start == 0 ? 0 : cell.LastIndexOf('\n', start - 1) + 1;
        var to = cell.IndexOf('\n', end) is var nl && nl >= 0 ? nl : cell.Length;
        return new[] { (cell[from..start], false), (cell[start..end], true), (cell[end..to], false) };
    }
}
