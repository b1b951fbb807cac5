using System.Diagnostics;
using Lectures.Grading.Format;
using Lectures.Grading.Sandbox;
using Lectures.Grading.Scoring;
using Spectre.Console;

namespace Lectures.Cli.Commands;

/// <summary>
/// <c>lectures grade NAME --submissions DIR [--out DIR] [--cell-timeout S] [--notebook-timeout S] [--memory-mb N]
/// [--parallel N] [--unsandboxed]</c>: grades every submitted notebook, each in the OS sandbox (<see cref="OsSandbox"/>),
/// writes gradebook.csv and feedback/STUDENT.md to out/grade/NAME/, and prints a summary table. Without the sandbox
/// (no bubblewrap or user namespaces) it refuses to start unless given --unsandboxed, and then says so in the summary
/// and on every student's grade.
/// </summary>
public static class GradeCommand
{
    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(Options options)
    {
        options.RejectUnknown("--submissions", "--out", "--cell-timeout", "--notebook-timeout", "--memory-mb", "--parallel", "--unsandboxed");
        if (options.Positional is not [var name])
            throw new ArgumentException("Usage: lectures grade NAME --submissions DIR [--out DIR] [--cell-timeout S] [--notebook-timeout S] [--memory-mb N] [--parallel N] [--unsandboxed].");
        var folder = options.Get("--submissions") ?? throw new ArgumentException("lectures grade needs --submissions DIR, the folder of submitted notebooks.");
        var root = KitRoot.Find();
        var assignment = Assignment.Load(AssignCommand.ExistingAssignment(root, name));
        var defaults = GradingLimits.Default;
        var limits = new GradingLimits(
            TimeSpan.FromSeconds(options.GetInt("--cell-timeout", (int)defaults.CellTimeout.TotalSeconds)),
            TimeSpan.FromSeconds(options.GetInt("--notebook-timeout", (int)defaults.NotebookTimeout.TotalSeconds)),
            options.GetInt("--memory-mb", defaults.MemoryMegabytes),
            options.GetInt("--parallel", defaults.Parallelism),
            Unsandboxed: options.Has("--unsandboxed")).Validated();
        var submissions = Submissions.Find(folder, name);
        if (submissions.Count == 0) throw new ArgumentException($"No submissions in {folder}: expected STUDENT.ipynb files or STUDENT/ folders.");

        var clock = Stopwatch.StartNew();
        var done = 0;
        var grades = Grader.Grade(assignment, submissions, limits,
            new Progress<StudentGrade>(g => Console.WriteLine($"[{Interlocked.Increment(ref done)}/{submissions.Count}] {g.Student}: {g.Points:0.##} / {g.MaxPoints:0.##}")));
        var outDir = options.Get("--out") ?? Path.Combine(root, "out", "grade", name);
        var gradebook = GradeReport.Write(assignment.Name, grades, outDir);

        var table = new Table().Title($"{assignment.Name}: {grades.Count} submissions graded in {clock.Elapsed.TotalSeconds:0} s")
            .AddColumn("Student").AddColumn(new TableColumn("Points").RightAligned()).AddColumn("Not passed");
        foreach (var grade in grades)
        {
            var problems = grade.Rows.Where(r => r.Status != GradeStatus.Passed).Select(r => $"{r.Test}: {r.Status.Name()}");
            table.AddRow(Markup.Escape(grade.Student), $"{grade.Points:0.##} / {grade.MaxPoints:0.##}", Markup.Escape(string.Join(", ", problems)));
        }
        AnsiConsole.Write(table);
        if (limits.Unsandboxed)
            Console.WriteLine("UNSANDBOXED: the notebooks ran without the OS sandbox (--unsandboxed); their code could read, write and reach what the grader can. Every grade says so.");
        Console.WriteLine($"Gradebook: {gradebook}");
        Console.WriteLine($"Feedback:  {Path.Combine(outDir, "feedback")}/");
        return 0;
    }
}
