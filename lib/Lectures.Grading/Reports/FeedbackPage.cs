using Lectures.Grading.Scoring;

namespace Lectures.Grading.Reports;

/// <summary>
/// A student's feedback page, feedback/STUDENT.html: the score, each test with its points, status, message and
/// checks, the other problems found, the student's own code of the cells that did not run cleanly, and the grader's
/// comments (<see cref="StudentGrade.Comments"/>). One self-contained file without script (<see cref="HtmlDocument"/>).
/// </summary>
public static class FeedbackPage
{
    const string Style =
        "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}" +
        "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}" +
        "pre{background:#f6f6f6;padding:.5em;overflow-x:auto;white-space:pre-wrap}.passed{color:#176a2a}.failed{color:#a11}" +
        ".comment{border-left:4px solid #36c;padding:.2em .6em;background:#eef3fb}ul{margin:.2em 0;padding-left:1.2em}";

    /// <summary>The page of <paramref name="grade"/> in assignment <paramref name="assignmentName"/>.</summary>
    public static HtmlDocument Render(string assignmentName, StudentGrade grade)
    {
        var page = new HtmlDocument($"{assignmentName}: feedback for {grade.Student}", Style)
            .Element("h1", $"{assignmentName}: feedback for {grade.Student}")
            .Open("p").Element("strong", $"Score: {GradeReport.Number(grade.Points)} / {GradeReport.Number(grade.MaxPoints)}").Close();
        Comment(page, grade, StudentGrade.NotebookComment);

        page.Element("h2", "Tests").Open("table")
            .Open("thead").Open("tr").Element("th", "Test").Element("th", "Points").Element("th", "Status").Element("th", "What was found").Close().Close()
            .Open("tbody");
        foreach (var row in grade.Rows.Where(r => r.MaxPoints > 0)) Row(page, grade, row);
        page.Close().Close();

        var problems = grade.Rows.Where(r => r.MaxPoints == 0).ToList();
        if (problems.Count > 0)
        {
            page.Element("h2", "Other problems found").Open("ul");
            foreach (var row in problems)
            {
                page.Open("li").Element("strong", row.Test).Text($" ({row.Status.Name()}, {GradeReport.Number(row.Points)} points): {row.Message.Trim()}");
                Comment(page, grade, row.Test);
                page.Close();
            }
            page.Close();
        }

        if (grade.FailingCode.Count > 0)
        {
            page.Element("h2", "Your code in the cells that did not run cleanly");
            foreach (var cell in grade.FailingCode)
                page.Element("h3", $"{cell.Label} ({cell.Status.Name()})").Element("pre", cell.Message.Trim()).Code([(cell.Source, false)]);
        }

        var rows = grade.Rows.Select(r => r.Test).Append(StudentGrade.NotebookComment).ToHashSet(StringComparer.Ordinal);
        var others = grade.Comments.Where(c => !rows.Contains(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        if (others.Count > 0)
        {
            page.Element("h2", "Comments");
            foreach (var (about, text) in others) page.Element("h3", about).Element("div", text, "comment");
        }
        return page;
    }

    /// <summary>A table row of a test: its points, status, message, its checks (✓/✗ points message) and the comment on it.</summary>
    static void Row(HtmlDocument page, StudentGrade grade, GradeRow row)
    {
        var passed = row.Status == GradeStatus.Passed;
        page.Open("tr").Element("td", row.Test).Element("td", $"{GradeReport.Number(row.Points)} / {GradeReport.Number(row.MaxPoints)}")
            .Element("td", row.Status.Name(), passed ? "passed" : "failed").Open("td");
        if (row.Checks is { } checks)
        {
            page.Open("ul");
            foreach (var check in checks) page.Element("li", Points.Line(check.Passed, check.Points, check.Message), check.Passed ? "passed" : "failed");
            page.Close();
        }
        if (row.Message.Trim().Length > 0 && !passed) page.Element("pre", row.Message.Trim());
        Comment(page, grade, row.Test);
        page.Close().Close();
    }

    static void Comment(HtmlDocument page, StudentGrade grade, string about)
    {
        if (grade.Comments.TryGetValue(about, out var text)) page.Element("div", text, "comment");
    }
}
