using Lectures.Grading.Student;

namespace Lectures.Cli.Commands;

/// <summary>
/// <c>lectures check NOTEBOOK</c>, for students: runs the notebook as the grader will, with the visible tests only
/// (<see cref="NotebookCheck"/>), and prints the feedback table, the hidden tests' names and points, and whether the
/// OS sandbox was used. The notebook is only read.
/// </summary>
public static class CheckCommand
{
    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(Options options)
    {
        options.RejectUnknown();
        if (options.Positional is not [var notebook])
            throw new ArgumentException("Usage: lectures check NOTEBOOK (your notebook of an assignment, as released to you).");
        Console.Write(NotebookCheck.Run(notebook).Report());
        return 0;
    }
}
