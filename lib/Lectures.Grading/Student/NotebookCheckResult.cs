using System.Globalization;
using System.Text;
using Lectures.Grading.Release;
using Lectures.Grading.Scoring;

namespace Lectures.Grading.Student;

/// <summary>What <c>lectures check</c> found: the grade on the visible tests, the hidden tests still to come, and whether the sandbox was used.</summary>
/// <param name="Release">What the notebook's release recorded.</param>
/// <param name="Grade">The grade on the visible tests, as the grader's feedback gives it.</param>
/// <param name="SandboxProblem">Why the OS sandbox could not be used (the notebook then ran as the student's own code), or null when it was.</param>
public sealed record NotebookCheckResult(ReleasedNotebook Release, StudentGrade Grade, string? SandboxProblem)
{
    /// <summary>Points of the hidden tests: Σ points over <see cref="ReleasedNotebook.Hidden"/>.</summary>
    public double HiddenPoints => Release.Hidden.Sum(t => t.Points);

    /// <summary>
    /// The report: the feedback the grader will write for the visible tests (<see cref="GradeReport.Feedback"/>), the
    /// hidden tests by name and points, and a line on the sandbox.
    /// </summary>
    public string Report()
    {
        var text = new StringBuilder(GradeReport.Feedback(Release.Assignment, Grade));
        text.Append(CultureInfo.InvariantCulture, $"\n## Hidden tests\n\n");
        if (Release.Hidden.Count == 0) text.Append("None: the visible tests are all the tests.\n");
        else
        {
            text.Append(CultureInfo.InvariantCulture,
                $"Release {Release.Release} has {Release.Hidden.Count} hidden test(s) worth {HiddenPoints:0.##} points; they run only when your notebook is graded, " +
                $"out of {Grade.MaxPoints + HiddenPoints:0.##} points in all:\n\n");
            foreach (var test in Release.Hidden) text.Append(CultureInfo.InvariantCulture, $"- {test.Id} ({test.Points:0.##} points)\n");
        }
        text.Append('\n').Append(SandboxProblem is null
            ? "Ran in the OS sandbox, as the grader runs it.\n"
            : $"Ran WITHOUT the OS sandbox ({SandboxProblem.TrimEnd('.')}): it is your own code on your own machine, with your access to files and the network. The grader runs it in the sandbox.\n");
        return text.ToString();
    }
}
