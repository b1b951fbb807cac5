using System.Globalization;
using Lectures.Grading.Format;
using Lectures.Grading.Lms;
using Lectures.Grading.Reports;

namespace Lectures.Grading.Manual;

/// <summary>
/// What the instructor grades by hand: manual-answers.html (one section per manual cell: its grade id and points,
/// the Markdown cell before it (the question, as a rule) and the cell as released, then every student's answer in
/// student order, escaped by <see cref="HtmlDocument"/>) and scores-template.csv
/// (every student and question asked, points empty) to fill in and pass to <c>grade --manual</c>.
/// </summary>
public static class ManualAnswersReport
{
    /// <summary>The answers page's file name, in the grade folder.</summary>
    public const string FileName = "manual-answers.html";

    /// <summary>The template's file name, in the grade folder.</summary>
    public const string TemplateName = "scores-template.csv";

    const string Style = "body{font-family:sans-serif;max-width:60em;margin:2em auto}pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap}"
                         + "section{border-top:2px solid #999;margin-top:2em}.missing{color:#a00}code{background:#eee}";

    /// <summary>The answers page of <paramref name="assignment"/> for <paramref name="answers"/> (from <see cref="ManualAnswer.Read"/>).</summary>
    public static HtmlDocument Render(Assignment assignment, IReadOnlyList<ManualAnswer> answers)
    {
        var page = new HtmlDocument($"{assignment.Name}: answers to grade by hand", Style);
        page.Element("h1", $"{assignment.Name}: answers to grade by hand");
        page.Open("p").Text("Score each answer in a CSV file with the header ").Element("code", string.Join(",", ManualScores.Header))
            .Text($" (question: the grade id below; points from 0 to the question's points, empty while not graded; a comment with commas, quotes or line breaks in double quotes) and run ")
            .Element("code", $"lectures grade {assignment.Name} --submissions DIR --manual FILE").Text($". {TemplateName} beside this page lists every student and question.").Close();
        foreach (var question in assignment.ManualQuestions)
        {
            page.Open("section").Open("h2").Text("Question ").Element("code", question.Id)
                .Text($" ({question.Points.ToString("0.##", CultureInfo.InvariantCulture)} point{(question.Points == 1 ? "" : "s")})").Close();
            var at = assignment.Cells.ToList().IndexOf(question);
            if (at > 0 && !assignment.Cells[at - 1].IsCode) page.Element("p", "The cell before it:").Code([(assignment.Cells[at - 1].Source, false)]);
            page.Element("p", "As released:").Code([(question.Source, false)]);
            foreach (var answer in answers.Where(a => a.Question == question.Id))
            {
                page.Element("h3", Heading(answer, question));
                if (answer.Text is { } text) page.Code([(text, false)]);
                else page.Element("p", $"No answer: {answer.Missing}.", "missing");
            }
            page.Close();
        }
        return page;
    }

    /// <summary>The student's name, with "a code cell: read, not run" and "unchanged from the release" (same checksum as the cell released) in parentheses when they hold.</summary>
    static string Heading(ManualAnswer answer, AssignmentCell question)
    {
        var notes = new List<string>();
        if (answer.IsCode) notes.Add("a code cell: read, not run");
        if (answer.Text is { } text && CellChecksum.Of(text) == question.Checksum) notes.Add("unchanged from the release");
        return notes.Count == 0 ? answer.Student : $"{answer.Student} ({string.Join("; ", notes)})";
    }

    /// <summary>
    /// Writes <see cref="TemplateName"/> to <paramref name="path"/>: header <see cref="ManualScores.Header"/>, one row
    /// per answer that was asked (points and comment empty). Returns false and leaves the file alone when it
    /// exists: it may hold the instructor's scores.
    /// </summary>
    public static bool WriteTemplate(string path, IReadOnlyList<ManualAnswer> answers)
    {
        if (File.Exists(path)) return false;
        var rows = answers.Where(a => a.Asked)
            .Select(a => new[] { a.Student, a.Question, "", "" }).ToList();
        File.WriteAllText(path, new CsvTable(ManualScores.Header, rows).Render());
        return true;
    }
}
