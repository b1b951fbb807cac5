using Lectures.Grading.Format;
using Lectures.Grading.Release;

namespace Lectures.Grading.Stages;

/// <summary>
/// "detect-edits": a locked cell (visible test or read-only cell) runs as its release gave it, trusted, and is
/// marked edited when the submission's source has another checksum than the released one. A read-only cell that the
/// submission's release did not lock (a later release added it, as walk-index's Part C question in release 3) was
/// the student's to change: it runs as the notebook gives it now and is not marked edited.
/// </summary>
public sealed class DetectEdits : IGradingStage
{
    /// <inheritdoc/>
    public string Name => "detect-edits";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Plan;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading)
    {
        foreach (var cell in grading.Cells.Where(c => c.Spec is { Locked: true }))
        {
            var spec = cell.Spec!;
            var recorded = grading.Release!.Cell(spec.Id);
            var released = recorded ?? new ReleasedCell(spec.Id, spec.Checksum, spec.Source);
            cell.Edited = CellChecksum.Of(cell.Source) != released.Checksum && (recorded is not null || spec.Role == CellRole.Test);
            cell.Source = released.Source;
            cell.Trusted = true;
        }
    }
}
