using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lectures.Grading.Execution;

namespace Lectures.Grading.Grading;

/// <summary>Writes the gradebook (gradebook.csv) and one feedback file per student (feedback/STUDENT.md).</summary>
public static partial class GradeReport
{
    /// <summary>The gradebook's header line.</summary>
    public const string Header = "student,test,points,max,status";

    /// <summary>Writes gradebook.csv and feedback/*.md under <paramref name="outDir"/>; returns the gradebook's path.</summary>
    public static string Write(string assignmentName, IReadOnlyList<StudentGrade> grades, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var gradebook = Path.Combine(outDir, "gradebook.csv");
        File.WriteAllText(gradebook, Gradebook(grades));
        var feedbackDir = Path.Combine(outDir, "feedback");
        Directory.CreateDirectory(feedbackDir);
        foreach (var grade in grades)
            File.WriteAllText(Path.Combine(feedbackDir, FileName(grade.Student) + ".md"), Feedback(assignmentName, grade));
        return gradebook;
    }

    /// <summary>The gradebook as CSV (RFC 4180 quoting): one line per student and row, students in the given order.</summary>
    public static string Gradebook(IReadOnlyList<StudentGrade> grades)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var grade in grades)
            foreach (var row in grade.Rows)
                text.Append(string.Join(",", Csv(grade.Student), Csv(row.Test), Number(row.Points), Number(row.MaxPoints), Csv(row.Status))).Append('\n');
        return text.ToString();
    }

    /// <summary>A student's feedback in Markdown: the total, a table of the tests, and the messages of everything that did not pass.</summary>
    public static string Feedback(string assignmentName, StudentGrade grade)
    {
        var text = new StringBuilder();
        text.Append($"# {assignmentName}: feedback for {grade.Student}\n\n");
        text.Append($"**Score: {Number(grade.Points)} / {Number(grade.MaxPoints)}**\n\n");
        text.Append("| Test | Points | Status |\n|---|---|---|\n");
        foreach (var row in grade.Rows.Where(r => r.MaxPoints > 0))
            text.Append($"| {row.Test} | {Number(row.Points)} / {Number(row.MaxPoints)} | {row.Status} |\n");
        var failing = grade.Rows.Where(r => r.MaxPoints > 0 && r.Status != CellStatus.Passed).ToList();
        if (failing.Count > 0)
        {
            text.Append("\n## Tests that did not pass\n");
            foreach (var row in failing)
                text.Append($"\n### {row.Test} ({row.Status})\n\n```\n{row.Message.Trim()}\n```\n");
        }
        var problems = grade.Rows.Where(r => r.MaxPoints == 0).ToList();
        if (problems.Count > 0)
        {
            text.Append("\n## Other problems found\n\n");
            foreach (var row in problems) text.Append($"- **{row.Test}** ({row.Status}): {row.Message.Trim()}\n");
        }
        return text.ToString();
    }

    /// <summary>A file name for a student: characters other than letters, digits, '.', '-' and '_' become '_'.</summary>
    public static string FileName(string student) => Unsafe().Replace(student, "_");

    [GeneratedRegex(@"[^A-Za-z0-9._-]")]
    private static partial Regex Unsafe();

    static string Number(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);

    static string Csv(string field) =>
        field.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
