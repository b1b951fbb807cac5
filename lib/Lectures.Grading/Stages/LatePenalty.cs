using System.Globalization;
using Lectures.Grading.Late;
using Lectures.Grading.Scoring;

namespace Lectures.Grading.Stages;

/// <summary>
/// "late-penalty": after the tests are scored, a submission that came after its student's due time gets a row
/// "late" whose points are minus the penalty of <see cref="LatePolicy.Score"/>, so the grade's points are the final
/// score; the message gives the raw points, the days late and the penalty. On-time submissions get no row.
/// </summary>
/// <param name="policy">The assignment's deadline and policy.</param>
/// <param name="times">Submission time by student (times.csv); every graded student must be listed.</param>
/// <param name="extensions">Extension by student (absent: none).</param>
public sealed class LatePenalty(LatePolicy policy, IReadOnlyDictionary<string, DateTimeOffset> times, IReadOnlyDictionary<string, TimeSpan> extensions) : IGradingStage
{
    /// <inheritdoc/>
    public string Name => "late-penalty";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Score;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading)
    {
        var student = grading.Submission.Student;
        var extension = extensions.GetValueOrDefault(student);
        var score = policy.Score(grading.Rows.Sum(r => r.Points), times[student], extension);
        if (score.DaysLate == 0) return;
        var due = policy.Deadline + extension;
        grading.Rows.Add(new GradeRow("late", -score.Penalty, 0, GradeStatus.Late, string.Create(CultureInfo.InvariantCulture,
            $"Submitted {times[student]:yyyy-MM-dd HH:mm zzz}, {score.DaysLate} day(s) after the due time {due:yyyy-MM-dd HH:mm zzz}"
            + $"{(extension > TimeSpan.Zero ? $" (extension {extension.TotalDays:0.##} days)" : "")}: raw {score.Raw:0.##}, penalty {score.Penalty:0.##}, final {score.Final:0.##}"
            + $"{(score.DaysLate > policy.MaxDaysLate ? $" (more than {policy.MaxDaysLate} days late scores 0)" : "")}.")));
    }

    /// <summary>Throws InvalidDataException naming <paramref name="timesPath"/> when a student in <paramref name="students"/> has no time in it.</summary>
    public void RequireTimes(IEnumerable<string> students, string timesPath)
    {
        var missing = students.Where(s => !times.ContainsKey(s)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{timesPath} lists no submission time for {string.Join(", ", missing)}.");
    }
}
