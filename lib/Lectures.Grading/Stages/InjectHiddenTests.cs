namespace Lectures.Grading.Stages;

/// <summary>"inject-hidden-tests": the hidden tests run after all of the submission's cells, trusted, under keys "hidden:&lt;id&gt;".</summary>
public sealed class InjectHiddenTests : IGradingStage
{
    /// <inheritdoc/>
    public string Name => "inject-hidden-tests";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Plan;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading)
    {
        foreach (var hidden in grading.Assignment.Tests.Where(t => t.Hidden))
            grading.Cells.Add(new PlannedCell
            {
                Key = "hidden:" + hidden.Id, GradeId = hidden.Id, IsCode = true, Source = hidden.Source, Spec = hidden, Label = hidden.Id, Trusted = true,
            });
    }
}
