using System.CommandLine;
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
public sealed class GradeCommand : Command
{
    static readonly GradingLimits Defaults = GradingLimits.Default;

    readonly Argument<string> name = new("NAME") { Description = "the assignment: a folder under assignments/" };
    readonly Option<string> submissions = new("--submissions")
    {
        Description = "the folder of submitted notebooks (also a Canvas or Moodle bulk download, as it unzips)", HelpName = "DIR",
    };
    readonly Option<string> output = new("--out") { Description = "where the gradebook and feedback go (default out/grade/NAME)", HelpName = "DIR" };
    readonly Option<int> cellTimeout = OptionValue.WholeNumber("--cell-timeout", "seconds a cell may run", (int)Defaults.CellTimeout.TotalSeconds);
    readonly Option<int> notebookTimeout = OptionValue.WholeNumber("--notebook-timeout", "seconds a notebook may run", (int)Defaults.NotebookTimeout.TotalSeconds);
    readonly Option<int> memory = OptionValue.WholeNumber("--memory-mb", "memory cap of a notebook in MB", Defaults.MemoryMegabytes);
    readonly Option<int> parallel = OptionValue.WholeNumber("--parallel", "notebooks graded at once", Defaults.Parallelism);
    readonly Option<bool> unsandboxed = new("--unsandboxed") { Description = "only where bubblewrap is missing: students' code runs unisolated" };
    readonly Option<bool> similarity = new("--similarity") { Description = "also write similarity.html: pairs of similar solutions, to look at" };
    readonly Option<string> times = new("--times") { Description = "submission times: apply the late policy of assignments/course.json", HelpName = "FILE" };
    readonly Option<string> extensions = new("--extensions") { Description = "extensions per student (needs --times)", HelpName = "FILE" };
    readonly Option<string> export = new("--export") { Description = "fill the gradebook the LMS exported (needs --roster)", HelpName = string.Join("|", GradebookExport.Kinds) };
    readonly Option<string> roster = new("--roster") { Description = "the gradebook the LMS exported", HelpName = "FILE" };
    readonly Option<string> manual = new("--manual") { Description = "merge scores.csv of the answers graded by hand (see manual-answers.html)", HelpName = "FILE" };

    /// <summary>
    /// What one `lectures grade` line asks for: the assignment, the submissions' folder, the output folder (null:
    /// out/grade/NAME), the limits (not yet validated), whether to write similarity.html, the times and extensions files,
    /// the LMS export with its roster, and the instructor's scores of the manual cells.
    /// </summary>
    public sealed record Settings(string Name, string Submissions, string? Out, GradingLimits Limits, bool Similarity,
        string? Times, string? Extensions, string? Export, string? Roster, string? Manual);

    /// <summary>The `grade` command with its argument and options.</summary>
    public GradeCommand() : base("grade", "grade submitted notebooks: out/grade/NAME/gradebook.csv and feedback/")
    {
        Arguments.Add(name);
        foreach (var option in new Option[] { submissions, output, cellTimeout, notebookTimeout, memory, parallel, unsandboxed, similarity, times, extensions, export, roster, manual })
            Options.Add(option);
        SetAction(result => Run(Read(result)));
    }

    /// <summary>The settings of a parsed `grade` line; throws an ArgumentException naming a missing value or options that do not go together.</summary>
    public Settings Read(ParseResult result)
    {
        var (kind, file) = (result.GetValue(export), result.GetValue(roster));
        if (kind is not null && !GradebookExport.Kinds.Contains(kind) || (kind is null) != (file is null))
            throw new ArgumentException($"--export {string.Join("|", GradebookExport.Kinds)} and --roster FILE (the gradebook the LMS exported) go together.");
        if (result.GetValue(extensions) is not null && result.GetValue(times) is null)
            throw new ArgumentException("--extensions needs --times FILE (the submission times the LMS exported).");
        var folder = result.GetValue(submissions) ?? throw new ArgumentException("lectures grade needs --submissions DIR, the folder of submitted notebooks.");
        var limits = new GradingLimits(TimeSpan.FromSeconds(result.GetValue(cellTimeout)), TimeSpan.FromSeconds(result.GetValue(notebookTimeout)),
            result.GetValue(memory), result.GetValue(parallel), Unsandboxed: result.GetValue(unsandboxed));
        return new Settings(result.GetValue(name)!, folder, result.GetValue(output), limits, result.GetValue(similarity),
            result.GetValue(times), result.GetValue(extensions), kind, file, result.GetValue(manual));
    }

    /// <summary>Grades the submissions of <paramref name="settings"/>; returns the process exit code.</summary>
    public static int Run(Settings settings)
    {
        var (name, folder, export, roster) = (settings.Name, settings.Submissions, settings.Export, settings.Roster);
        var root = KitRoot.Find();
        var assignment = Assignment.Load(AssignCommand.ExistingAssignment(root, name));
        var limits = settings.Limits.Validated();
        var submissions = Submissions.Find(folder, name);
        if (submissions.Count == 0) throw new ArgumentException($"No submissions in {folder}: expected STUDENT.ipynb files or STUDENT/ folders.");

        if (export is not null) GradebookExport.For(export, roster!, name, new Dictionary<string, double>());   // a wrong roster fails before grading, not after
        var scores = settings.Manual is { } scoresPath ? ManualScores.Read(scoresPath, assignment, submissions) : ManualScores.None;
        var stages = settings.Times is { } times
            ? [.. Grader.WithManualScores(scores), LateStage(root, assignment, times, settings.Extensions, submissions)]
            : Grader.WithManualScores(scores);

        var clock = Stopwatch.StartNew();
        var done = 0;
        var grades = Grader.Grade(assignment, submissions, limits,
            new Progress<StudentGrade>(g => Console.WriteLine($"[{Interlocked.Increment(ref done)}/{submissions.Count}] {g.Student}: {Total(g)}")), stages);
        var outDir = settings.Out ?? Path.Combine(root, "out", "grade", name);
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
        if (settings.Similarity) WriteSimilarity(assignment, submissions, outDir);
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
        var filled = GradebookExport.For(kind, roster, assignment, grades.Where(g => !g.Provisional).ToDictionary(g => g.Student, g => g.Points),
            grades.Where(g => g.Provisional).Select(g => g.Student).ToHashSet());
        var path = Path.Combine(outDir, kind + "-import.csv");
        File.WriteAllText(path, filled.Sheet.Render());
        Console.WriteLine($"{kind} import: {path}");
        foreach (var student in filled.Provisional) Console.WriteLine($"  provisional, answers not graded by hand yet (cell left empty): {student}");
        foreach (var student in filled.Missing) Console.WriteLine($"  no submission (cell left empty): {student}");
        foreach (var student in filled.NotInRoster) Console.WriteLine($"  graded but not in {roster} (not exported): {student}");
    }
}
