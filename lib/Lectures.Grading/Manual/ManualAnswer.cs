using Lectures.Grading.Format;
using Lectures.Grading.Release;
using Lectures.Grading.Scoring;
using Microsoft.DotNet.Interactive.Documents;

namespace Lectures.Grading.Manual;

/// <summary>One student's answer to one manual cell, as submitted.</summary>
/// <param name="Student">The student.</param>
/// <param name="Question">The manual cell's grade id.</param>
/// <param name="Asked">False when the release the submission came from did not have this manual cell.</param>
/// <param name="Text">The answer's source, or null when there is none (<paramref name="Missing"/> says why).</param>
/// <param name="IsCode">True when the answer is a code cell.</param>
/// <param name="Missing">Why there is no answer, or null.</param>
public sealed record ManualAnswer(string Student, string Question, bool Asked, string? Text, bool IsCode, string? Missing)
{
    /// <summary>
    /// The answers of every submission to every manual cell of <paramref name="assignment"/>, students in the
    /// given order, questions in notebook order: the first cell carrying the question's grade id. A question the
    /// submission's release did not ask (<see cref="AssignmentRelease.ManualQuestions"/>) has no answer, nor has an
    /// unreadable notebook. The notebooks are only read.
    /// </summary>
    public static IReadOnlyList<ManualAnswer> Read(Assignment assignment, IReadOnlyList<Submission> submissions)
    {
        var answers = new List<ManualAnswer>();
        foreach (var submission in submissions)
        {
            InteractiveDocument document;
            try
            {
                document = NotebookFile.Read(submission.Path);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
            {
                answers.AddRange(assignment.ManualQuestions.Select(q => new ManualAnswer(submission.Student, q.Id, true, null, false, "not a readable notebook")));
                continue;
            }
            var release = ReleaseHistory.For(assignment, document);
            foreach (var question in assignment.ManualQuestions)
            {
                var cell = document.Elements.FirstOrDefault(e => NotebookFile.GradeId(e) == question.Id);
                answers.Add(release.Cell(question.Id) is null
                    ? new ManualAnswer(submission.Student, question.Id, false, null, false, $"not asked in release {release.Number}")
                    : cell is null
                        ? new ManualAnswer(submission.Student, question.Id, true, null, false, "the cell is not in the submission (deleted, or its id was changed)")
                        : new ManualAnswer(submission.Student, question.Id, true, cell.Contents, NotebookFile.IsCode(cell), null));
            }
        }
        return answers;
    }
}
