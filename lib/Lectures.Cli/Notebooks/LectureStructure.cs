using System.Text.RegularExpressions;

namespace Lectures.Cli.Notebooks;

/// <summary>
/// The textbook shape every lecture keeps, read from its markdown cells:
/// <list type="number">
/// <item>objectives: a heading "What you will learn" before the first code cell, followed by one list of 3 to 5
/// top-level bullets ("- ", "* " or "+ "; the list ends at the first blank line or heading);</item>
/// <item>a summary: a level-2 heading "Summary", after which the only level-1 or level-2 heading is "Exercises";</item>
/// <item>a link onward, at or after the summary: a Markdown link to the next lecture's file
/// (<c>](NN-name.ipynb)</c>); the last lecture links back to the first one or says "This is the last lecture";</item>
/// <item>answers only inside <c>&lt;details&gt;</c>: outside a <c>&lt;details&gt;</c> … <c>&lt;/details&gt;</c> block no line
/// holds an answer, recognised as the word "Answer" right after "(", "*" or "_", or right before ":"
/// (the forms <c>*(Answer: …)*</c>, <c>**Answer:**</c>, <c>_Answer_</c>, <c>Answer:</c>).</item>
/// </list>
/// </summary>
public static partial class LectureStructure
{
    /// <summary>The fewest and most bullets under "What you will learn".</summary>
    public const int FewestObjectives = 3, MostObjectives = 5;

    /// <summary>
    /// What <paramref name="notebookPath"/> lacks of the shape above, one sentence per problem naming the cell
    /// (0-based index); empty when it has it all. <paramref name="lectures"/> lists every lecture file in order,
    /// and must contain the notebook, so that the next lecture (or, for the last, the first) is known.
    /// </summary>
    public static IReadOnlyList<string> Problems(string notebookPath, IReadOnlyList<string> lectures)
    {
        var name = Path.GetFileName(notebookPath);
        var names = lectures.Select(Path.GetFileName).ToList();
        var position = names.IndexOf(name);
        if (position < 0)
            throw new ArgumentException($"{name} is not among the lectures ({string.Join(", ", names)}).", nameof(lectures));
        var isLast = position == names.Count - 1;
        var onward = isLast ? names[0]! : names[position + 1]!;

        var cells = NotebookDocument.Load(notebookPath).Cells
            .Select((c, i) => (Index: i, Kind: NotebookDocument.Kind(c), Lines: NotebookDocument.Source(c).Split('\n')))
            .ToList();
        var markdown = cells.Where(c => c.Kind == "markdown").ToList();
        var problems = new List<string>();

        var firstCode = cells.FirstOrDefault(c => c.Kind == "code").Index;
        var objectives = markdown.FirstOrDefault(c => c.Lines.Any(IsObjectivesHeading));
        if (objectives.Lines is null || (firstCode > 0 && objectives.Index > firstCode))
            problems.Add("no \"What you will learn\" heading before the first code cell");
        else
        {
            var bullets = objectives.Lines.SkipWhile(l => !IsObjectivesHeading(l)).Skip(1)
                .SkipWhile(string.IsNullOrWhiteSpace)
                .TakeWhile(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#')).Count(l => BulletPattern().IsMatch(l));
            if (bullets is < FewestObjectives or > MostObjectives)
                problems.Add($"cell {objectives.Index}: \"What you will learn\" has {bullets} bullets, " +
                             $"expected {FewestObjectives} to {MostObjectives}");
        }

        var sections = markdown.SelectMany(c => c.Lines.Where(l => SectionPattern().IsMatch(l))
            .Select(l => (c.Index, Title: SectionPattern().Match(l).Groups["title"].Value.Trim()))).ToList();
        var summary = sections.FindLastIndex(s => s.Title == "Summary");
        if (summary < 0)
            problems.Add("no \"## Summary\" heading");
        else
        {
            var after = sections.Skip(summary + 1).Where(s => s.Title != "Exercises").ToList();
            if (after.Count > 0)
                problems.Add($"the summary is not near the end: cell {after[0].Index} starts the section \"{after[0].Title}\" after it " +
                             "(only \"Exercises\" may follow the summary)");
            var summaryCell = sections[summary].Index;
            var linked = markdown.Where(c => c.Index >= summaryCell)
                .Any(c => c.Lines.Any(l => l.Contains($"]({onward})", StringComparison.Ordinal)
                                           || l.Contains($"](./{onward})", StringComparison.Ordinal)
                                           || (isLast && l.Contains("This is the last lecture", StringComparison.Ordinal))));
            if (!linked)
                problems.Add(isLast
                    ? $"no link back to {onward} (or \"This is the last lecture\") at or after the summary"
                    : $"no link to the next lecture, ]({onward}), at or after the summary");
        }

        foreach (var cell in markdown)
        {
            var depth = 0;
            foreach (var line in cell.Lines)
            {
                depth += DetailsOpenPattern().Count(line);
                if (depth == 0 && AnswerPattern().IsMatch(line))
                    problems.Add($"cell {cell.Index}: an answer outside <details>: \"{line.Trim()}\"");
                depth = Math.Max(0, depth - DetailsClosePattern().Count(line));
            }
        }
        return problems;
    }

    static bool IsObjectivesHeading(string line) => ObjectivesPattern().IsMatch(line);

    [GeneratedRegex(@"^#{1,6}\s+What you will learn\s*$")]
    private static partial Regex ObjectivesPattern();

    [GeneratedRegex(@"^[-*+]\s+\S")]
    private static partial Regex BulletPattern();

    [GeneratedRegex(@"^#{1,2}\s+(?<title>.+?)\s*$")]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"(?:[(*_]\s*Answer\b|\bAnswer\s*:)")]
    private static partial Regex AnswerPattern();

    [GeneratedRegex(@"<details\b", RegexOptions.IgnoreCase)]
    private static partial Regex DetailsOpenPattern();

    [GeneratedRegex(@"</details\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex DetailsClosePattern();
}
