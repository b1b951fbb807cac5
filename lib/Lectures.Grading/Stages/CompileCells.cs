using System.Diagnostics;
using Lectures.Grading.Sandbox;

namespace Lectures.Grading.Stages;

/// <summary>
/// "compile": starts the notebook's clock and compiles the code cells with the checks, within the notebook time
/// limit (<see cref="SubmissionRunner.Compile"/>): a cell that does not compile or is refused gets its outcome here.
/// </summary>
public sealed class CompileCells : IGradingStage
{
    /// <inheritdoc/>
    public string Name => "compile";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Execute;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading)
    {
        grading.Clock = Stopwatch.StartNew();
        grading.Compiled = SubmissionRunner.Compile(grading.SourceCells(), grading.Checks, grading.Limits, grading.Clock);
    }
}
