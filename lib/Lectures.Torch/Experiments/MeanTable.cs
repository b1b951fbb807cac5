using System.Globalization;
using System.Text;

namespace Lectures.Torch.Experiments;

/// <summary>The Markdown table of an experiment's test accuracies, mean ± std over seeds, one row per row key and one column per series.</summary>
public static class MeanTable
{
    /// <summary>
    /// "| rowTitle | series 1 | ... |" with one row per distinct row key (in first-seen order) and cells
    /// "mean ± std" in accuracy percent (one decimal; the mean alone for one seed), empty where a pair is missing.
    /// </summary>
    public static string Markdown(string rowTitle, IEnumerable<(string Row, string Series, double Mean, double StandardDeviation, int Count)> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var list = cells.ToList();
        var series = list.Select(c => c.Series).Distinct().ToList();
        var table = new StringBuilder($"| {rowTitle} | {string.Join(" | ", series)} |\n|---|{string.Concat(series.Select(_ => "---|"))}\n");
        foreach (var row in list.Select(c => c.Row).Distinct())
        {
            table.Append($"| {row} |");
            foreach (var s in series)
            {
                var cell = list.FirstOrDefault(c => c.Row == row && c.Series == s);
                table.Append(cell.Count == 0 ? " |"
                    : cell.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" {100 * cell.Mean:F1} ± {100 * cell.StandardDeviation:F1} |")
                    : string.Create(CultureInfo.InvariantCulture, $" {100 * cell.Mean:F1} |"));
            }
            table.Append('\n');
        }
        return table.ToString();
    }
}
