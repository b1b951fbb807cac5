using Lectures.Grading.Scoring;

namespace Lectures.Grading.Stages;

/// <summary>"note-unsandboxed": when the workers ran without the OS sandbox (<see cref="Sandbox.GradingLimits.Unsandboxed"/>), a last row says so.</summary>
public sealed class NoteUnsandboxed : IGradingStage
{
    /// <inheritdoc/>
    public string Name => "note-unsandboxed";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Score;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading)
    {
        if (grading.Limits.Unsandboxed)
            grading.Rows.Add(new GradeRow("(notebook)", 0, 0, GradeStatus.Unsandboxed,
                "Graded without the OS sandbox (--unsandboxed): this notebook's code ran with the grader's access to files, processes and the network."));
    }
}
