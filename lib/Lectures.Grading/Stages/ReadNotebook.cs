using Lectures.Grading.Format;
using Lectures.Grading.Scoring;

namespace Lectures.Grading.Stages;

/// <summary>"read": reads the submitted notebook; one that is missing or not a readable notebook stops grading with invalid-notebook.</summary>
public sealed class ReadNotebook : IGradingStage
{
    /// <inheritdoc/>
    public string Name => "read";

    /// <inheritdoc/>
    public GradingPhase Phase => GradingPhase.Read;

    /// <inheritdoc/>
    public void Apply(SubmissionGrading grading)
    {
        try
        {
            grading.Document = NotebookFile.Read(grading.Submission.Path);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
        {
            grading.Failure = (GradeStatus.InvalidNotebook, e.Message);
        }
    }
}
