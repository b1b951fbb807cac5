namespace Lectures.Grading.Stages;

/// <summary>
/// One step of grading a submission (see <see cref="Scoring.Grader.Stages"/>): it reads what earlier stages left in
/// the <see cref="SubmissionGrading"/> and adds its own part.
/// </summary>
public interface IGradingStage
{
    /// <summary>The stage's name, unique in a list of stages ("read", "match-ids", "sandbox", ...).</summary>
    string Name { get; }

    /// <summary>The phase the stage belongs to; a list of stages runs the phases in order.</summary>
    GradingPhase Phase { get; }

    /// <summary>Does the stage's part of grading <paramref name="grading"/>.</summary>
    void Apply(SubmissionGrading grading);
}
