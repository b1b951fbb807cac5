using Lectures.Grading.Release;
using Lectures.Grading.Sandbox;
using Lectures.Grading.Scoring;
using Lectures.Grading.Stages;

namespace Lectures.Grading.Student;

/// <summary>
/// <c>lectures check NOTEBOOK</c> for students: grades the student's own notebook exactly as the grader will, with
/// the visible tests only. The assignment comes from what the notebook's release recorded in its metadata
/// (<see cref="ReleasedNotebook"/>), so no instructor file is needed and nothing goes over the network; the grader's
/// stages run (<see cref="Stages"/>), in the OS sandbox where it is available. The notebook is only read.
/// </summary>
public static class NotebookCheck
{
    /// <summary>
    /// The grader's stages (<see cref="Grader.Stages"/>) without inject-hidden-tests (the hidden tests are not in the
    /// student's hands) and note-unsandboxed (the check says so itself): the same release matching, allow-list and test contract.
    /// </summary>
    public static IReadOnlyList<IGradingStage> Stages { get; } = Grader.Stages.Where(s => s is not (InjectHiddenTests or NoteUnsandboxed)).ToList();

    /// <summary>
    /// Checks the notebook at <paramref name="path"/> under the grader's default limits, in the OS sandbox when
    /// <see cref="OsSandbox.Problem"/> is null and without it otherwise; throws InvalidDataException naming the file
    /// when it is not a notebook or records no release (<see cref="ReleasedNotebook.Read"/>).
    /// </summary>
    public static NotebookCheckResult Run(string path)
    {
        var released = ReleasedNotebook.Read(path);
        var problem = OsSandbox.Problem;
        var limits = GradingLimits.Default with { Parallelism = 1, Unsandboxed = problem is not null };
        var grade = Grader.GradeOne(released.ToAssignment(path), new Submission(Path.GetFileNameWithoutExtension(path), Path.GetFullPath(path)), limits, Stages);
        return new NotebookCheckResult(released, grade, problem);
    }
}
