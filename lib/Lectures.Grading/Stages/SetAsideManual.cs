using Lectures.Grading.Format;

namespace Lectures.Grading.Stages;

/// <summary>
/// "set-aside-manual": the cells standing for manual cells (and the student's copies of them) are taken out of the
/// plan: an answer graded by hand is read by the instructor, never compiled, run or held to the allow-list, so a
/// half-written answer cannot fail the tests or the notebook.
/// </summary>
public sealed class SetAsideManual : IGradingStage
{
    /// <inheritdoc/>
    public string Name => "set-aside-manual";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Plan;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading) => grading.Cells.RemoveAll(c => c.Spec?.Role == CellRole.Manual);
}
