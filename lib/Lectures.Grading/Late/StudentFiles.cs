using System.Globalization;
using Lectures.Grading.Lms;

namespace Lectures.Grading.Late;

/// <summary>
/// The per-student files the instructor passes to <c>grade</c>, kept outside the repository: submission times
/// (times.csv, the LMS's export) and extensions. Each is a CSV with a student column, "ID" (Canvas's user id) or
/// "Identifier" ("Participant N", Moodle), and one value column.
/// </summary>
public static class StudentFiles
{
    /// <summary>
    /// times.csv: student → "Submitted", an ISO 8601 time with its offset (e.g. 2026-12-15T08:30:00+01:00); Canvas's
    /// LATE flag and notebook metadata are not times. Throws InvalidDataException naming the file and line when a
    /// column is missing, a time does not parse or a student is listed twice.
    /// </summary>
    public static IReadOnlyDictionary<string, DateTimeOffset> Times(string path) =>
        Read<DateTimeOffset>(path, "Submitted", "an ISO 8601 time with its offset", text =>
            text.Contains('T') && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T'))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : (DateTimeOffset?)null);

    /// <summary>Extensions: student → "Days" (a non-negative number of days, fractions allowed) added to the deadline; errors as <see cref="Times"/>.</summary>
    public static IReadOnlyDictionary<string, TimeSpan> Extensions(string path) =>
        Read<TimeSpan>(path, "Days", "a number of days ≥ 0", text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 ? TimeSpan.FromDays(d) : (TimeSpan?)null);

    static IReadOnlyDictionary<string, T> Read<T>(string path, string column, string expected, Func<string, T?> parse) where T : struct
    {
        var table = CsvTable.Read(path);
        var (id, identifier, value) = (table.Column("ID"), table.Column("Identifier"), table.Column(column));
        if (id < 0 && identifier < 0 || value < 0)
            throw new InvalidDataException($"{path}: expected a student column (\"ID\" or \"Identifier\") and a \"{column}\" column, found {string.Join(", ", table.Header.Select(h => $"\"{h}\""))}.");
        var values = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (row, i) in table.Rows.Select((r, i) => (r, i + 2)))
        {
            var student = id >= 0 ? row[id].Trim() : row[identifier].Trim().Replace("Participant ", "", StringComparison.Ordinal);
            var parsed = parse(row[value].Trim()) ?? throw new InvalidDataException($"{path}, line {i}: \"{column}\" must be {expected}, got \"{row[value]}\".");
            if (!values.TryAdd(student, parsed)) throw new InvalidDataException($"{path}, line {i}: student {student} is listed twice.");
        }
        return values;
    }
}
