using Lectures.Grading.Manual;
using Lectures.Grading.Release;
using Lectures.Grading.Scoring;

namespace Lectures.Grading.Stages;

/// <summary>
/// "manual-scores": one row per manual cell the submission's release asked (<see cref="AssignmentRelease.ManualQuestions"/>;
/// the notebook's own when the submission could not be read), in notebook order: the instructor's points and
/// comment (graded-by-hand), or no points and status ungraded while the scores have none, which makes the grade
/// provisional (<see cref="StudentGrade.Provisional"/>), never a 0. A submission that is no readable notebook has
/// no answer to wait for: an unscored question gets 0 with the reason, as its tests do.
/// </summary>
/// <param name="scores">The instructor's scores (<see cref="ManualScores.None"/> before any are given).</param>
public sealed class ScoreManual(ManualScores scores) : IGradingStage
{
    /// <summary>The message of an ungraded row.</summary>
    public const string UngradedMessage = "Not graded yet: the instructor scores this answer by hand.";

    /// <inheritdoc/>
    public string Name => "manual-scores";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Score;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading)
    {
        var release = grading.Release ?? AssignmentRelease.Of(grading.Assignment);
        foreach (var question in release.ManualQuestions(grading.Assignment))
            grading.Rows.Add(scores.Of(grading.Submission.Student, question.Id) is { } score
                ? new GradeRow(question.Id, score.Points, question.Points, GradeStatus.GradedByHand, score.Comment)
                : grading.Document is null && grading.Failure is var (status, message)
                    ? new GradeRow(question.Id, 0, question.Points, status, message)
                    : new GradeRow(question.Id, 0, question.Points, GradeStatus.Ungraded, UngradedMessage));
    }
}
