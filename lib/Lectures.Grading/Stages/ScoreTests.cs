using Lectures.Grading.Format;
using Lectures.Grading.Sandbox;
using Lectures.Grading.Scoring;

namespace Lectures.Grading.Stages;

/// <summary>
/// "score-tests": one row per test of the assignment, in notebook order. A test without checks earns its points
/// when its cell passed; a test with Points.Check calls (partial credit) earns min(points, Σ earned over its checks),
/// however the cell ended, and passes when it finished with every check held. A test earns nothing when it is
/// missing, was edited, or the grading stopped (<see cref="SubmissionGrading.Failure"/>).
/// </summary>
public sealed class ScoreTests : IGradingStage
{
    /// <inheritdoc/>
    public string Name => "score-tests";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Score;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading) => grading.Rows.AddRange(grading.Assignment.Tests.Select(t => Row(t, grading)));

    static GradeRow Row(AssignmentCell test, SubmissionGrading grading)
    {
        if (grading.Failure is var (status, message))
            return new GradeRow(test.Id, 0, test.Points, status, message);
        if (!test.Hidden && !grading.Has(test.Id))
            return new GradeRow(test.Id, 0, test.Points, GradeStatus.MissingCell, $"The test cell '{test.Id}' is not in the submission (deleted, or its id was changed).");
        if (grading.WasEdited(test.Id))
            return new GradeRow(test.Id, 0, test.Points, GradeStatus.EditedTest, $"The test cell '{test.Id}' was changed; tests must be left as released.");
        if (grading.CodeCellOf(test.Id) is not { } cell)
            return new GradeRow(test.Id, 0, test.Points, GradeStatus.MissingCell, $"The test cell '{test.Id}' is no longer a code cell.");
        var outcome = grading.Run!.Outcomes[cell.Key];
        if (outcome.Checks is { } checks) return PartialCredit(test, outcome, checks);
        return outcome.Status == GradeStatus.Passed
            ? new GradeRow(test.Id, test.Points, test.Points, GradeStatus.Passed, "")
            : new GradeRow(test.Id, 0, test.Points, outcome.Status, outcome.Message);
    }

    /// <summary>
    /// The row of a test with checks: min(points, Σ earned); passed when the cell finished with every check held
    /// (and reached at least one); its message is the cell's error, or says that no check was reached.
    /// </summary>
    static GradeRow PartialCredit(AssignmentCell test, CellOutcome outcome, IReadOnlyList<CheckResult> checks)
    {
        var earned = Math.Min(test.Points, checks.Sum(c => c.Earned));
        if (outcome.Status != GradeStatus.Passed) return new GradeRow(test.Id, earned, test.Points, outcome.Status, outcome.Message, checks);
        if (checks.Count == 0) return new GradeRow(test.Id, 0, test.Points, GradeStatus.Failed, "The test reached none of its checks.", checks);
        return new GradeRow(test.Id, earned, test.Points, checks.All(c => c.Passed) ? GradeStatus.Passed : GradeStatus.Failed, "", checks);
    }
}
