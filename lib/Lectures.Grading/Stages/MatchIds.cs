using Lectures.Grading.Format;

namespace Lectures.Grading.Stages;

/// <summary>
/// "match-ids": one planned cell per cell of the submission, in order, each standing for the assignment cell whose
/// grade id it carries. A hidden test's id matches nothing: a cell that claims it is the student's own code.
/// </summary>
public sealed class MatchIds : IGradingStage
{
    /// <inheritdoc/>
    public string Name => "match-ids";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Plan;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading)
    {
        var visible = grading.Assignment.Cells.Where(c => !c.Hidden).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var elements = grading.Document!.Elements;
        for (var i = 0; i < elements.Count; i++)
        {
            var id = NotebookFile.GradeId(elements[i]);
            grading.Cells.Add(new PlannedCell
            {
                Key = $"cell{i + 1}",
                GradeId = id,
                IsCode = NotebookFile.IsCode(elements[i]),
                Source = elements[i].Contents,
                Spec = id is not null ? visible.GetValueOrDefault(id) : null,
            });
        }
    }
}
