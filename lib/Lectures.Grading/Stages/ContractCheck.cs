using Lectures.Grading.Checking;

namespace Lectures.Grading.Stages;

/// <summary>
/// "test-contract": each trusted cell gets its release's contract (<see cref="ReleaseContracts"/>), and one that
/// binds anything outside it is refused with shadows-api or changed-signature (<see cref="TestContract"/>).
/// </summary>
public sealed class ContractCheck : IGradingStage
{
    /// <inheritdoc/>
    public string Name => "test-contract";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Check;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading)
    {
        var contract = grading.Contracts.Of(grading.Release!);
        foreach (var cell in grading.Cells.Where(c => c is { IsCode: true, Trusted: true }))
            cell.Contract = contract.GetValueOrDefault(cell.Spec!.Id);
        grading.Checks.Add(CellChecks.Contract);
    }
}
