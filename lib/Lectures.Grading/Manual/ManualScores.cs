using System.Globalization;
using Lectures.Grading.Format;
using Lectures.Grading.Lms;
using Lectures.Grading.Scoring;

namespace Lectures.Grading.Manual;

/// <summary>
/// The instructor's scores of the manual cells, read from scores.csv (kept outside the repository, like every
/// student file): the header <c>student,question,points,comment</c>, one row per student and question, question
/// the manual cell's grade id, points a number from 0 to the cell's points, or empty for an answer not graded yet;
/// the comment (optional) is quoted as CSV quotes it when it holds a comma, a quote or a line break.
/// </summary>
public sealed class ManualScores
{
    /// <summary>The header a scores file starts with.</summary>
    public static readonly IReadOnlyList<string> Header = ["student", "question", "points", "comment"];

    /// <summary>No scores: every manual cell is ungraded.</summary>
    public static ManualScores None { get; } = new(new Dictionary<(string, string), ManualScore>());

    readonly IReadOnlyDictionary<(string Student, string Question), ManualScore> scores;

    ManualScores(IReadOnlyDictionary<(string, string), ManualScore> scores) => this.scores = scores;

    /// <summary>The score of <paramref name="student"/>'s answer to <paramref name="question"/>, or null when it is not graded yet.</summary>
    public ManualScore? Of(string student, string question) => scores.GetValueOrDefault((student, question));

    /// <summary>
    /// Reads the scores file at <paramref name="path"/> for <paramref name="assignment"/>'s <paramref name="submissions"/>.
    /// Throws InvalidDataException naming the file (and the row, the header being row 1) when the header is not
    /// <see cref="Header"/>, a student is empty, a question is not a manual cell of the assignment, points are not a
    /// number from 0 to the cell's points, a student's question is scored twice, or a student submitted nothing
    /// (not among the submissions, or their notebook is not there); CSV errors as <see cref="CsvTable.Read"/>.
    /// </summary>
    public static ManualScores Read(string path, Assignment assignment, IReadOnlyList<Submission> submissions)
    {
        var table = CsvTable.Read(path);
        if (!table.Header.Select(h => h.Trim()).SequenceEqual(Header))
            throw new InvalidDataException($"{path}: the header must be \"{string.Join(",", Header)}\", got \"{string.Join(",", table.Header)}\".");
        var questions = assignment.ManualQuestions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var scores = new Dictionary<(string, string), ManualScore>();
        foreach (var (row, number) in table.Rows.Select((r, i) => (r, i + 2)))
        {
            var (student, question, points, comment) = (row[0].Trim(), row[1].Trim(), row[2].Trim(), row[3].Trim());
            var where = $"{path}, row {number}";
            if (student.Length == 0) throw new InvalidDataException($"{where}: the student is empty.");
            if (!questions.TryGetValue(question, out var cell))
                throw new InvalidDataException($"{where}: '{question}' is not a manual cell of {assignment.Name}; its manual cells are {(questions.Count == 0 ? "none" : string.Join(", ", questions.Keys))}.");
            if (points.Length == 0) continue;
            if (!double.TryParse(points, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || !(p >= 0 && p <= cell.Points))
                throw new InvalidDataException($"{where}: the points of '{question}' must be a number from 0 to {cell.Points.ToString(CultureInfo.InvariantCulture)}, got \"{points}\".");
            if (!scores.TryAdd((student, question), new ManualScore(student, question, p, comment)))
                throw new InvalidDataException($"{where}: {student}'s answer to '{question}' is scored twice.");
        }
        var submitted = submissions.Where(s => File.Exists(s.Path)).Select(s => s.Student).ToHashSet(StringComparer.Ordinal);
        var strangers = scores.Keys.Select(k => k.Item1).Distinct().Where(s => !submitted.Contains(s)).Order(StringComparer.Ordinal).ToList();
        if (strangers.Count > 0)
            throw new InvalidDataException($"{path} scores {string.Join(", ", strangers)}, who submitted nothing: check the student names against the submissions.");
        return new ManualScores(scores);
    }
}
