using Lectures.Grading.Format;
using Lectures.Grading.Scoring;

namespace Lectures.Grading.Stages;

/// <summary>
/// "report-problems": rows of no points for what is wrong outside the tests: a solution cell, or a read-only cell of
/// the submission's release, that is missing or (read-only) was edited, every other cell that was refused or stopped
/// its worker (<see cref="GradeStatuses.IsProblem"/>), every cell during which Points.Check was called from outside a
/// test cell's own checks (stray-check), and files the submission wrote. Nothing when the grading stopped.
/// </summary>
public sealed class ReportProblems : IGradingStage
{
    /// <inheritdoc/>
    public string Name => "report-problems";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Score;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading)
    {
        if (grading.Failure is null) grading.Rows.AddRange(Rows(grading));
    }

    static IEnumerable<GradeRow> Rows(SubmissionGrading grading)
    {
        // A read-only cell counts only when the submission's release had it locked.
        foreach (var cell in grading.Assignment.Cells.Where(c => c.Role is CellRole.Solution || c.Role is CellRole.ReadOnly && grading.Release!.Cell(c.Id) is not null))
        {
            if (!grading.Has(cell.Id))
                yield return new GradeRow("cell:" + cell.Id, 0, 0, GradeStatus.MissingCell, $"The cell '{cell.Id}' is not in the submission (deleted, or its id was changed).");
            else if (grading.WasEdited(cell.Id))
                yield return new GradeRow("cell:" + cell.Id, 0, 0, GradeStatus.EditedReadOnly, $"The read-only cell '{cell.Id}' was changed; the original was run instead.");
        }
        var tests = grading.Assignment.Tests.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var run = grading.Run!;
        // Tests report their own outcome on their row; every other cell that was refused or stopped gets a row of its own.
        foreach (var cell in grading.Cells.Where(c => c.IsCode && !(c.Trusted && tests.Contains(c.Label))))
        {
            var outcome = run.Outcomes[cell.Key];
            if (outcome.Status.IsProblem())
                yield return new GradeRow("cell:" + cell.Label, 0, 0, outcome.Status, outcome.Message);
        }
        foreach (var cell in grading.Cells.Where(c => c.IsCode && run.Outcomes[c.Key].StrayChecks > 0))
            yield return new GradeRow("cell:" + cell.Label, 0, 0, GradeStatus.StrayCheck,
                $"Points.Check was called {run.Outcomes[cell.Key].StrayChecks} time(s) while this cell ran from code that is not a test cell's own check " +
                "(a function of the submission, a delegate or reflection); those calls earn nothing.");
        if (run.WroteFiles.Count > 0)
            yield return new GradeRow("(notebook)", 0, 0, GradeStatus.WroteFiles,
                $"The submission wrote files, which it may not: {string.Join(", ", run.WroteFiles.Take(5))}.");
    }
}
