namespace Lectures.Grading.Stages;

/// <summary>
/// "dedupe": a cell copied by the student (one grade id twice) stands for its assignment cell only the first time;
/// the copies run as the student's own code. Every code cell gets a label of its own: the assignment cell's id,
/// else its own grade id when that is no assignment cell's and no earlier cell's, else "id#n" (n its position).
/// </summary>
public sealed class DedupeCells : IGradingStage
{
    /// <inheritdoc/>
    public string Name => "dedupe";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Plan;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading)
    {
        var assignmentIds = grading.Assignment.Cells.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var present = new HashSet<string>(StringComparer.Ordinal);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (cell, position) in grading.Cells.Select((c, i) => (c, i + 1)))
        {
            if (cell.Spec is not null && !present.Add(cell.Spec.Id)) cell.Spec = null;
            if (!cell.IsCode) continue;
            var id = cell.GradeId;
            cell.Label = cell.Spec?.Id ?? (id is not null && !assignmentIds.Contains(id) && !labels.Contains(id) ? id : $"{id}#{position}");
            labels.Add(cell.Label);
        }
    }
}
