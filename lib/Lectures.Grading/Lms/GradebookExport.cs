using System.Globalization;
using System.Text.RegularExpressions;

namespace Lectures.Grading.Lms;

/// <summary>A filled gradebook sheet to import into the LMS, and who in its roster has no grade.</summary>
/// <param name="Sheet">The sheet to import.</param>
/// <param name="Missing">Rostered students with no submission ("name (id)"): their cell is empty, not 0.</param>
/// <param name="NotInRoster">Graded (or provisional) student ids the roster does not list: nothing was written for them.</param>
/// <param name="Provisional">Rostered students whose grade waits for answers graded by hand ("name (id)"): their cell is empty too.</param>
public sealed record FilledGradebook(CsvTable Sheet, IReadOnlyList<string> Missing, IReadOnlyList<string> NotInRoster, IReadOnlyList<string> Provisional);

/// <summary>
/// Fills one assignment's column of the gradebook sheet an LMS exported, so the LMS imports it back.
/// Canvas (Grades → Export): "Student", "ID", "SIS User ID", "SIS Login ID", ["Integration ID",] "Section", then
/// one column "Assignment name (assignment id)" per assignment, a "Points Possible" row first; the import matches
/// rows by "ID" and reads the assignment columns, so the file written keeps the identity columns and this
/// assignment's column only. Moodle (assignment → "Download grading worksheet"): "Identifier" ("Participant N"),
/// "Full name", "Email address", "Status", "Grade", "Maximum Grade", ...; "Upload grading worksheet" matches rows by
/// "Identifier" and reads "Grade", so the file written is the worksheet with "Grade" filled.
/// </summary>
public static partial class GradebookExport
{
    [GeneratedRegex(@"^(?<name>.*) \((?<id>\d+)\)$")]
    private static partial Regex CanvasAssignment();

    /// <summary>The LMSs an export is written for, as <c>--export</c> names them.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["canvas", "moodle"];

    /// <summary>
    /// The sheet for LMS <paramref name="kind"/> ("canvas" or "moodle") from the roster the LMS exported at
    /// <paramref name="rosterPath"/>: <see cref="Canvas"/> or <see cref="Moodle"/>. Students in <paramref name="provisional"/>
    /// (grades still waiting for answers graded by hand) get an empty cell, as students without a submission do.
    /// </summary>
    public static FilledGradebook For(string kind, string rosterPath, string assignment, IReadOnlyDictionary<string, double> points,
        IReadOnlySet<string>? provisional = null) => kind switch
    {
        "canvas" => Canvas(CsvTable.Read(rosterPath), rosterPath, assignment, points, provisional),
        "moodle" => Moodle(CsvTable.Read(rosterPath), rosterPath, points, provisional),
        _ => throw new ArgumentException($"--export must be one of {string.Join(", ", Kinds)}, got '{kind}'."),
    };

    /// <summary>
    /// The Canvas sheet for <paramref name="assignment"/> (the column's header, the name in it, or its id) with
    /// <paramref name="points"/> by user id; failing an exact match, the one column whose name contains it. Throws InvalidDataException naming <paramref name="templatePath"/> when
    /// it has no "ID" column or no such assignment column, or more than one.
    /// </summary>
    public static FilledGradebook Canvas(CsvTable template, string templatePath, string assignment, IReadOnlyDictionary<string, double> points,
        IReadOnlySet<string>? provisional = null)
    {
        var id = template.Column("ID");
        if (id < 0) throw new InvalidDataException($"{templatePath}: no \"ID\" column: export the gradebook from Canvas (Grades → Export → CSV).");
        var assignments = template.Header.Select((h, i) => (Match: CanvasAssignment().Match(h.Trim()), Index: i)).Where(x => x.Match.Success).ToList();
        if (assignments.Count == 0) throw new InvalidDataException($"{templatePath}: no assignment column \"Name (id)\".");
        var chosen = assignments.Where(a => a.Match.Value == assignment || a.Match.Groups["id"].Value == assignment
                                            || string.Equals(a.Match.Groups["name"].Value, assignment, StringComparison.OrdinalIgnoreCase)).ToList();
        if (chosen.Count == 0)   // "Assignment 1: one-wis (48213)" for one-wis
            chosen = assignments.Where(a => a.Match.Groups["name"].Value.Contains(assignment, StringComparison.OrdinalIgnoreCase)).ToList();
        if (chosen.Count != 1)
            throw new InvalidDataException($"{templatePath}: {(chosen.Count == 0 ? "no" : "more than one")} assignment column matches '{assignment}'; its columns are {string.Join(", ", assignments.Select(a => $"\"{a.Match.Value}\""))}.");
        var keep = Enumerable.Range(0, assignments[0].Index).Append(chosen[0].Index).ToArray();
        return Fill(template, keep, id, chosen[0].Index, row => row[0].Trim() is "Points Possible", row => row[id], points, provisional);
    }

    /// <summary>
    /// The Moodle worksheet with "Grade" filled from <paramref name="points"/> by participant id ("Participant 17" → "17").
    /// Throws InvalidDataException naming <paramref name="templatePath"/> when "Identifier" or "Grade" is missing or an identifier is not "Participant N".
    /// </summary>
    public static FilledGradebook Moodle(CsvTable template, string templatePath, IReadOnlyDictionary<string, double> points,
        IReadOnlySet<string>? provisional = null)
    {
        var (identifier, grade) = (template.Column("Identifier"), template.Column("Grade"));
        if (identifier < 0 || grade < 0)
            throw new InvalidDataException($"{templatePath}: a Moodle grading worksheet has \"Identifier\" and \"Grade\" columns (assignment → Download grading worksheet).");
        string Participant(string[] row) => row[identifier].StartsWith("Participant ", StringComparison.Ordinal) ? row[identifier]["Participant ".Length..].Trim()
            : throw new InvalidDataException($"{templatePath}: identifier '{row[identifier]}' is not \"Participant N\".");
        return Fill(template, Enumerable.Range(0, template.Header.Count).ToArray(), identifier, grade, _ => false, Participant, points, provisional);
    }

    static FilledGradebook Fill(CsvTable template, int[] keep, int nameColumn, int gradeColumn, Func<string[], bool> fixedRow,
        Func<string[], string> studentOf, IReadOnlyDictionary<string, double> points, IReadOnlySet<string>? provisional)
    {
        var name = template.Column("Student") is var s and >= 0 ? s : template.Column("Full name") is var f and >= 0 ? f : nameColumn;
        var (rows, missing, pending, rostered) = (new List<string[]>(), new List<string>(), new List<string>(), new HashSet<string>(StringComparer.Ordinal));
        foreach (var row in template.Rows)
        {
            var filled = (string[])row.Clone();
            if (!fixedRow(row))
            {
                var student = studentOf(row);
                rostered.Add(student);
                filled[gradeColumn] = points.TryGetValue(student, out var p) ? p.ToString("0.##", CultureInfo.InvariantCulture) : "";
                if (provisional?.Contains(student) == true) pending.Add($"{row[name]} ({student})");
                else if (!points.ContainsKey(student)) missing.Add($"{row[name]} ({student})");
            }
            rows.Add(keep.Select(i => filled[i]).ToArray());
        }
        var notInRoster = points.Keys.Concat(provisional ?? Enumerable.Empty<string>()).Where(k => !rostered.Contains(k)).Order(StringComparer.Ordinal).ToList();
        return new FilledGradebook(new CsvTable(keep.Select(i => template.Header[i]).ToList(), rows), missing, notInRoster, pending);
    }
}
