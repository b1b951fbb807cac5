using System.Globalization;
using System.Text;
using Lectures.Grading.Reports;
using Lectures.Grading.Sandbox;

namespace Lectures.Grading.Scoring;

/// <summary>
/// Writes the gradebook (gradebook.csv) and two feedback files per student: feedback/STUDENT.md and the page
/// feedback/STUDENT.html (<see cref="FeedbackPage"/>).
/// </summary>
public static class GradeReport
{
    /// <summary>The gradebook's header line.</summary>
    public const string Header = "student,test,points,max,status";

    /// <summary>The kinds of feedback file written per student.</summary>
    static readonly string[] Extensions = [".md", ".html"];

    /// <summary>The file in feedback/ listing the feedback files the last run wrote, so that a re-run removes only those.</summary>
    public const string Manifest = ".feedback-files";

    /// <summary>
    /// Writes gradebook.csv, feedback/*.md and feedback/*.html under <paramref name="outDir"/>; returns the gradebook's
    /// path. Feedback files an earlier run wrote (listed in feedback/.feedback-files) for students no longer graded are
    /// removed; nothing else in the folder is touched.
    /// </summary>
    public static string Write(string assignmentName, IReadOnlyList<StudentGrade> grades, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var gradebook = Path.Combine(outDir, "gradebook.csv");
        File.WriteAllText(gradebook, Gradebook(grades));
        var feedbackDir = Path.Combine(outDir, "feedback");
        Directory.CreateDirectory(feedbackDir);
        var manifest = Path.Combine(feedbackDir, Manifest);
        var written = grades.SelectMany(g => Extensions.Select(e => FileName(g.Student) + e)).ToList();
        var earlier = File.Exists(manifest) ? File.ReadAllLines(manifest) : Array.Empty<string>();
        // Only plain names the grader could have written: a manifest edited to say "../x" removes nothing outside.
        foreach (var stale in earlier.Except(written, StringComparer.Ordinal).Where(f => Extensions.Contains(Path.GetExtension(f)) && f == Path.GetFileName(f) && f == FileName(Student(f)) + Path.GetExtension(f)))
            File.Delete(Path.Combine(feedbackDir, stale));
        foreach (var grade in grades)
        {
            File.WriteAllText(Path.Combine(feedbackDir, FileName(grade.Student) + ".md"), Feedback(assignmentName, grade));
            FeedbackPage.Render(assignmentName, grade).Write(Path.Combine(feedbackDir, FileName(grade.Student) + ".html"));
        }
        File.WriteAllLines(manifest, written.Order(StringComparer.Ordinal));
        return gradebook;
    }

    /// <summary>
    /// The gradebook as CSV (RFC 4180 quoting): one line per student and row, students in the given order; an
    /// ungraded manual cell's points read "ungraded", never 0. A test with checks is followed by one line per check,
    /// "TEST/k" (k its place in the cell), passed or failed, with the points columns left empty: the student's points
    /// are the sum of the other lines.
    /// </summary>
    public static string Gradebook(IReadOnlyList<StudentGrade> grades)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var grade in grades)
            foreach (var row in grade.Rows)
            {
                text.Append(string.Join(",", Csv(grade.Student), Csv(row.Test), Earned(row), Number(row.MaxPoints), Csv(row.Status.Name()))).Append('\n');
                foreach (var check in row.Checks ?? [])
                    text.Append(string.Join(",", Csv(grade.Student), Csv($"{row.Test}/{check.Number}"), "", "", (check.Passed ? GradeStatus.Passed : GradeStatus.Failed).Name())).Append('\n');
            }
        return text.ToString();
    }

    /// <summary>
    /// A student's feedback in Markdown: the total (marked provisional while a manual cell is ungraded), a table of
    /// the tests and their checks and the manual cells, the failed checks and messages of every test that did not
    /// pass, and the instructor's comments.
    /// </summary>
    public static string Feedback(string assignmentName, StudentGrade grade)
    {
        var text = new StringBuilder();
        text.Append($"# {assignmentName}: feedback for {grade.Student}\n\n");
        text.Append($"**Score: {Number(grade.Points)} / {Number(grade.MaxPoints)}");
        if (grade.Provisional)
            text.Append($" (provisional: answers worth {Number(grade.UngradedPoints)} point{(grade.UngradedPoints == 1 ? "" : "s")} are not graded by hand yet)");
        text.Append("**\n\n");
        text.Append("| Test | Points | Status |\n|---|---|---|\n");
        foreach (var row in grade.Rows.Where(r => r.MaxPoints > 0))
        {
            text.Append($"| {row.Test} | {Earned(row)} / {Number(row.MaxPoints)} | {row.Status.Name()} |\n");
            foreach (var check in row.Checks ?? [])
                text.Append($"| {row.Test}/{check.Number} | {Points.Line(check.Passed, check.Points, check.Message).ReplaceLineEndings(" ").Replace("|", "\\|")} | |\n");
        }
        var failing = grade.Rows.Where(r => r.MaxPoints > 0 && r.Status is not (GradeStatus.Passed or GradeStatus.GradedByHand or GradeStatus.Ungraded)).ToList();
        if (failing.Count > 0)
        {
            text.Append("\n## Tests that did not pass\n");
            foreach (var row in failing)
                text.Append($"\n### {row.Test} ({row.Status.Name()})\n\n```\n{string.Join("\n", FailedChecks(row).Append(row.Message.Trim()).Where(l => l.Length > 0))}\n```\n");
        }
        var byHand = grade.Rows.Where(r => r.Status == GradeStatus.GradedByHand && r.Message.Trim().Length > 0).ToList();
        if (byHand.Count > 0)
        {
            text.Append("\n## Comments on your written answers\n");
            foreach (var row in byHand) text.Append($"\n### {row.Test} ({Number(row.Points)} / {Number(row.MaxPoints)})\n\n{row.Message.Trim()}\n");
        }
        var problems = grade.Rows.Where(r => r.MaxPoints == 0).ToList();
        if (problems.Count > 0)
        {
            text.Append("\n## Other problems found\n\n");
            foreach (var row in problems) text.Append($"- **{row.Test}** ({row.Status.Name()}): {row.Message.Trim()}\n");
        }
        return text.ToString();
    }

    /// <summary>The lines (✗ 0/p message) of the checks of <paramref name="row"/> that failed.</summary>
    static IEnumerable<string> FailedChecks(GradeRow row) =>
        (row.Checks ?? []).Where(c => !c.Passed).Select(c => Points.Line(false, c.Points, c.Message));

    /// <summary>
    /// A file name for a student, one to one: letters, digits, '.' (not leading), '-' and '_' stay, every other
    /// character becomes %XX per UTF-8 byte, '%' included ("a b" gives "a%20b", "a_b" stays "a_b").
    /// </summary>
    public static string FileName(string student)
    {
        var name = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(student))
        {
            var c = (char)b;
            var safe = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' || c == '.' && name.Length > 0;
            if (safe) name.Append(c);
            else name.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return name.ToString();
    }

    /// <summary>The student of a feedback file name: the inverse of <see cref="FileName"/>.</summary>
    static string Student(string fileName) => Uri.UnescapeDataString(Path.GetFileNameWithoutExtension(fileName));

    /// <summary>Points as the reports write them: at most two decimals.</summary>
    internal static string Number(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A row's points as written: "ungraded" for a manual cell not graded yet.</summary>
    static string Earned(GradeRow row) => row.Status == GradeStatus.Ungraded ? "ungraded" : Number(row.Points);

    /// <summary>
    /// A CSV field (RFC 4180 quoting). A field starting with '=', '+', '-', '@', a tab or a carriage return gets a
    /// leading "'" so that a spreadsheet shows it as text instead of running it as a formula.
    /// </summary>
    static string Csv(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r') field = "'" + field;
        return field.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}
