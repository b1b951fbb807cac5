using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Lectures.Grading.Late;

/// <summary>
/// assignments/course.json: each assignment's deadline and late policy, committed with the assignments (it holds no
/// student data):
/// <c>{"assignments": {"one-wis": {"deadline": "2026-12-14T23:59:00+01:00", "penaltyPerDay": 0.1, "maxDaysLate": 5}}}</c>.
/// </summary>
public static partial class CoursePolicies
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Iso8601WithOffset();

    /// <summary>The file name, in the assignments folder.</summary>
    public const string FileName = "course.json";

    sealed record Entry(string? Deadline, double? PenaltyPerDay, int? MaxDaysLate);

    sealed record CourseFile(Dictionary<string, Entry>? Assignments);

    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>
    /// The policy of <paramref name="assignment"/> in the course file at <paramref name="path"/>, or null when the
    /// file does not list it; <paramref name="released"/> is the date of its first release, when known. Throws
    /// InvalidDataException naming the file when it is malformed, a deadline is not an ISO 8601 time with an offset,
    /// the penalty is outside [0, 1], the days are negative, or the deadline is before the release.
    /// </summary>
    public static LatePolicy? For(string path, string assignment, DateTimeOffset? released)
    {
        CourseFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CourseFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a course file: {e.Message}", e);
        }
        if (file?.Assignments is null) throw new InvalidDataException($"{path} is not a course file: no \"assignments\" object.");
        if (!file.Assignments.TryGetValue(assignment, out var entry)) return null;
        var where = $"{path}, assignment '{assignment}'";
        if (entry.Deadline is null || !Iso8601WithOffset().IsMatch(entry.Deadline)
            || !DateTimeOffset.TryParse(entry.Deadline, CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline))
            throw new InvalidDataException($"{where}: \"deadline\" must be an ISO 8601 time with its offset, like \"2026-12-14T23:59:00+01:00\", got \"{entry.Deadline}\".");
        if (entry.PenaltyPerDay is not (>= 0 and <= 1) || entry.MaxDaysLate is not >= 0)
            throw new InvalidDataException($"{where}: \"penaltyPerDay\" must be in [0, 1] and \"maxDaysLate\" at least 0, got {entry.PenaltyPerDay?.ToString(CultureInfo.InvariantCulture) ?? "none"} and {entry.MaxDaysLate?.ToString(CultureInfo.InvariantCulture) ?? "none"}.");
        if (released is { } r && deadline < r)
            throw new InvalidDataException($"{where}: the deadline {deadline:yyyy-MM-dd HH:mm zzz} is before the release of {r:yyyy-MM-dd HH:mm zzz}.");
        return new LatePolicy(deadline, entry.PenaltyPerDay.Value, entry.MaxDaysLate.Value);
    }
}
