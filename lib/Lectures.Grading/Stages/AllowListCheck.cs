using Lectures.Grading.Checking;

namespace Lectures.Grading.Stages;

/// <summary>"allow-list": a student cell that uses anything off the allow-list (<see cref="ApiPolicy"/>) is refused with forbidden-api.</summary>
public sealed class AllowListCheck : IGradingStage
{
    /// <inheritdoc/>
    public string Name => "allow-list";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Check;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading) => grading.Checks.Add(CellChecks.AllowList);
}
