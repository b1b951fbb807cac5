using System.CommandLine;
using Lectures.Grading.Student;

namespace Lectures.Cli.Commands;

/// <summary>
/// <c>lectures check NOTEBOOK</c>, for students: runs the notebook as the grader will, with the visible tests only
/// (<see cref="NotebookCheck"/>), and prints the feedback table, the hidden tests' names and points, and whether the
/// OS sandbox was used. The notebook is only read.
/// </summary>
public sealed class CheckCommand : Command
{
    readonly Argument<string> notebook = new("NOTEBOOK") { Description = "your notebook of an assignment, as released to you" };

    /// <summary>What one `lectures check` line asks for: the student's notebook.</summary>
    public sealed record Settings(string Notebook);

    /// <summary>The `check NOTEBOOK` command.</summary>
    public CheckCommand() : base("check", "(students) run your notebook as the grader will, with the visible tests")
    {
        Arguments.Add(notebook);
        SetAction(result => Run(Read(result), result.InvocationConfiguration.Output));
    }

    /// <summary>The settings of a parsed `check` line.</summary>
    public Settings Read(ParseResult result) => new(result.GetValue(notebook)!);

    /// <summary>Checks the notebook of <paramref name="settings"/>, writing the report to <paramref name="output"/>; returns the exit code.</summary>
    public static int Run(Settings settings, TextWriter output)
    {
        output.Write(NotebookCheck.Run(settings.Notebook).Report());
        return 0;
    }
}
