using Lectures.Grading.Sandbox;

namespace Lectures.Grading.Stages;

/// <summary>"sandbox": runs the compiled cells in worker processes in the OS sandbox, in the time the notebook has left (<see cref="SubmissionRunner.Run(Checking.CompiledNotebook, GradingLimits, System.Diagnostics.Stopwatch)"/>).</summary>
public sealed class RunInSandbox : IGradingStage
{
    /// <inheritdoc/>
    public string Name => "sandbox";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Execute;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading) => grading.Run = SubmissionRunner.Run(grading.Compiled!, grading.Limits, grading.Clock!);
}
