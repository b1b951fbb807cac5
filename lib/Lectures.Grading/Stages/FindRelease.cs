using Lectures.Grading.Release;

namespace Lectures.Grading.Stages;

/// <summary>"release": the release the submission came from (<see cref="ReleaseHistory.For"/>), whose locked cells it is held to.</summary>
public sealed class FindRelease : IGradingStage
{
    /// <inheritdoc/>
    public string Name => "release";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Read;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading) => grading.Release = ReleaseHistory.For(grading.Assignment, grading.Document!);
}
