using System.Diagnostics;
using Lectures.Grading.Format;
using Lectures.Grading.Late;
using Lectures.Grading.Lms;
using Lectures.Grading.Manual;
using Lectures.Grading.Sandbox;
using Lectures.Grading.Scoring;
using Lectures.Grading.Similarity;
using Lectures.Grading.Stages;
using Spectre.Console;

namespace Lectures.Cli.Commands;

/// <summary>
/// <c>lectures grade NAME --submissions DIR [--out DIR] [--cell-timeout S] [--notebook-timeout S] [--memory-mb N]
/// [--parallel N] [--unsandboxed] [--similarity] [--times FILE [--extensions FILE]] [--export canvas|moodle --roster FILE] [--manual FILE]</c>:
/// grades every submitted notebook (a plain folder, or a Canvas or Moodle bulk download), each in the OS sandbox (<see cref="OsSandbox"/>),
/// writes gradebook.csv and feedback/STUDENT.md to out/grade/NAME/, and prints a summary table. Without the sandbox
/// (no bubblewrap or user namespaces) it refuses to start unless given --unsandboxed, and then says so in the summary
/// and on every student's grade. --times applies the late policy of assignments/course.json (a "late" row per late
/// submission); --similarity writes similarity.html; --export writes the LMS's
/// own gradebook sheet filled in (canvas-import.csv, moodle-import.csv), leaving provisional grades empty. An assignment
/// with manual cells also gets manual-answers.html and, unless it exists, scores-template.csv; --manual merges the
/// instructor's scores.csv (<see cref="ManualScores"/>). Student files (times, extensions, roster, scores) are only read.
/// </summary>
public static class GradeCommand
{
    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(Options options)
    {
        options.RejectUnknown("--submissions", "--out", "--cell-timeout", "--notebook-timeout", "--memory-mb", "--parallel", "--unsandboxed",
            "--similarity", "--times", "--extensions", "--export", "--roster", "--manual");
        if (options.Positional is not [var name])
            throw new ArgumentException("Usage: lectures grade NAME --submissions DIR [--out DIR] [--cell-timeout S] [--notebook-timeout S] [--memory-mb N] [--parallel N] [--unsandboxed] [--similarity] [--times FILE [--extensions FILE]] [--export canvas|moodle --roster FILE] [--manual FILE].");
        var (export, roster) = (options.Get("--export"), options.Get("--roster"));
        if (export is not null && !GradebookExport.Kinds.Contains(export) || (export is null) != (roster is null))
            throw new ArgumentException($"--export {string.Join("|", GradebookExport.Kinds)} and --roster FILE (the gradebook the LMS exported) go together.");
        if (options.Has("--extensions") && !options.Has("--times"))
            throw new ArgumentException("--extensions needs --times FILE (the submission times the LMS exported).");
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

        if (export is not null) GradebookExport.For(export, roster!, name, new Dictionary<string, double>());   // a wrong roster fails before grading, not after
        var scores = options.Get("--manual") is { } scoresPath ? ManualScores.Read(scoresPath, assignment, submissions) : ManualScores.None;
        var stages = options.Get("--times") is { } times
            ? [.. Grader.WithManualScores(scores), LateStage(root, assignment, times, options.Get("--extensions"), submissions)]
            : Grader.WithManualScores(scores);

        var clock = Stopwatch.StartNew();
        var done = 0;
        var grades = Grader.Grade(assignment, submissions, limits,
            new Progress<StudentGrade>(g => Console.WriteLine($"[{Interlocked.Increment(ref done)}/{submissions.Count}] {g.Student}: {Total(g)}")), stages);
        var outDir = options.Get("--out") ?? Path.Combine(root, "out", "grade", name);
        var gradebook = GradeReport.Write(assignment.Name, grades, outDir);

        var table = new Table().Title($"{assignment.Name}: {grades.Count} submissions graded in {clock.Elapsed.TotalSeconds:0} s")
            .AddColumn("Student").AddColumn(new TableColumn("Points").RightAligned()).AddColumn("Not passed");
        foreach (var grade in grades)
        {
            var problems = grade.Rows.Where(r => r.Status is not (GradeStatus.Passed or GradeStatus.GradedByHand)).Select(r => $"{r.Test}: {r.Status.Name()}");
            table.AddRow(Markup.Escape(grade.Student), Total(grade), Markup.Escape(string.Join(", ", problems)));
        }
        AnsiConsole.Write(table);
        if (limits.Unsandboxed)
            Console.WriteLine("UNSANDBOXED: the notebooks ran without the OS sandbox (--unsandboxed); their code could read, write and reach what the grader can. Every grade says so.");
        Console.WriteLine($"Gradebook: {gradebook}");
        Console.WriteLine($"Feedback:  {Path.Combine(outDir, "feedback")}/");
        if (assignment.ManualQuestions.Count > 0) WriteManualAnswers(assignment, submissions, outDir);
        if (options.Has("--similarity")) WriteSimilarity(assignment, submissions, outDir);
        if (export is not null) WriteExport(export, roster!, assignment.Name, grades, outDir);
        return 0;
    }

    /// <summary>A grade's total as the summary shows it: "points / max", with "(provisional)" while a manual cell is ungraded.</summary>
    static string Total(StudentGrade g) => $"{g.Points:0.##} / {g.MaxPoints:0.##}{(g.Provisional ? " (provisional)" : "")}";

    /// <summary>The late-penalty stage: the policy of assignments/course.json (its deadline after the first release), the times and extensions files; every submission needs a time.</summary>
    static LatePenalty LateStage(string root, Assignment assignment, string timesPath, string? extensionsPath, IReadOnlyList<Submission> submissions)
    {
        var (course, name) = (Path.Combine(root, "assignments", CoursePolicies.FileName), assignment.Name);
        if (!File.Exists(course)) throw new ArgumentException($"--times needs the deadline and late policy of '{name}' in {course}.");
        var policy = CoursePolicies.For(course, name, released: assignment.Releases.FirstOrDefault()?.Date)
                     ?? throw new ArgumentException($"{course} gives no deadline for '{name}': add it under \"assignments\".");
        var stage = new LatePenalty(policy, StudentFiles.Times(timesPath),
            extensionsPath is null ? new Dictionary<string, TimeSpan>() : StudentFiles.Extensions(extensionsPath));
        stage.RequireTimes(submissions.Select(s => s.Student), timesPath);
        return stage;
    }

    static void WriteManualAnswers(Assignment assignment, IReadOnlyList<Submission> submissions, string outDir)
    {
        var answers = ManualAnswer.Read(assignment, submissions);
        var path = Path.Combine(outDir, ManualAnswersReport.FileName);
        ManualAnswersReport.Render(assignment, answers).Write(path);
        Console.WriteLine($"Answers to grade by hand: {path}");
        var template = Path.Combine(outDir, ManualAnswersReport.TemplateName);
        Console.WriteLine(ManualAnswersReport.WriteTemplate(template, answers) ? $"Scores template: {template}" : $"Scores template: {template} exists, left as it is");
    }

    static void WriteSimilarity(Assignment assignment, IReadOnlyList<Submission> submissions, string outDir)
    {
        var (code, unreadable) = SubmittedSolutions.Read(assignment, submissions.Select(s => (s.Student, s.Path)));
        var options = new SimilarityOptions();
        var pairs = SimilarityComparison.Compare(code, SubmittedSolutions.Released(assignment), options);
        var path = Path.Combine(outDir, "similarity.html");
        SimilarityReport.Render(assignment.Name, code.Count, pairs, options).Write(path);
        Console.WriteLine($"Similarity: {path} ({pairs.Count(p => p.Score >= options.Threshold)} pairs flagged for a look; a flag is not a finding)");
        foreach (var file in unreadable) Console.WriteLine($"  not compared (not a readable notebook): {file}");
    }

    static void WriteExport(string kind, string roster, string assignment, IReadOnlyList<StudentGrade> grades, string outDir)
    {
        var provisional = grades.Where(g => g.Provisional).Select(g => g.Student).ToList();
        var filled = GradebookExport.For(kind, roster, assignment, grades.Where(g => !g.Provisional).ToDictionary(g => g.Student, g => g.Points));
        var path = Path.Combine(outDir, kind + "-import.csv");
        File.WriteAllText(path, filled.Sheet.Render());
        Console.WriteLine($"{kind} import: {path}");
        foreach (var student in provisional) Console.WriteLine($"  provisional, answers not graded by hand yet (cell left empty): {student}");
        foreach (var student in filled.Missing.Where(m => !provisional.Any(p => m.EndsWith($"({p})", StringComparison.Ordinal))))
            Console.WriteLine($"  no submission (cell left empty): {student}");
        foreach (var student in filled.NotInRoster) Console.WriteLine($"  graded but not in {roster} (not exported): {student}");
    }
}
