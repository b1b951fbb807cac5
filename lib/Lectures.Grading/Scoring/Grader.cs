using Lectures.Grading.Checking;
using Lectures.Grading.Format;
using Lectures.Grading.Manual;
using Lectures.Grading.Sandbox;
using Lectures.Grading.Stages;
using Microsoft.DotNet.Interactive.Documents;

namespace Lectures.Grading.Scoring;

/// <summary>
/// Grades submissions of an assignment by passing each through a list of named stages (<see cref="Stages"/>):
/// read → plan → check → execute → score. The student's code cells run in the student's order; visible tests and
/// read-only cells run as the release the submission came from gave them (a changed one is reported, and a changed
/// test earns nothing); the hidden tests run after the student's cells. A test earns its points when it runs
/// without an exception and binds to what it binds to after the instructor's solution (the test contract).
/// Submissions are only read, never written.
/// </summary>
public static class Grader
{
    /// <summary>
    /// The stages every submission passes through, in order: read, release (read); match-ids, set-aside-manual, dedupe,
    /// detect-edits, inject-hidden-tests (plan); allow-list, test-contract (check); compile, sandbox (execute);
    /// score-tests, manual-scores (no scores: every manual cell ungraded), report-problems, note-unsandboxed (score).
    /// A new stage is one class and one entry here.
    /// </summary>
    public static IReadOnlyList<IGradingStage> Stages { get; } =
    [
        new ReadNotebook(), new FindRelease(),
        new MatchIds(), new SetAsideManual(), new DedupeCells(), new DetectEdits(), new InjectHiddenTests(),
        new AllowListCheck(), new ContractCheck(),
        new CompileCells(), new RunInSandbox(),
        new ScoreTests(), new ScoreManual(ManualScores.None), new ReportProblems(), new NoteUnsandboxed(),
    ];

    /// <summary>
    /// Grades every submission through <paramref name="stages"/> (default <see cref="Stages"/>),
    /// <see cref="GradingLimits.Parallelism"/> at a time; results in student order.
    /// </summary>
    public static IReadOnlyList<StudentGrade> Grade(Assignment assignment, IReadOnlyList<Submission> submissions, GradingLimits limits,
        IProgress<StudentGrade>? progress = null, IReadOnlyList<IGradingStage>? stages = null)
    {
        limits.Validated();
        stages = Ordered(stages ?? Stages);
        var contracts = new ReleaseContracts(assignment, PlanStages(stages));
        var grades = new StudentGrade[submissions.Count];
        Parallel.For(0, submissions.Count, new ParallelOptions { MaxDegreeOfParallelism = limits.Parallelism }, i =>
        {
            grades[i] = GradeOne(assignment, contracts, submissions[i], limits, stages);
            progress?.Report(grades[i]);
        });
        return grades.OrderBy(g => g.Student, StringComparer.Ordinal).ToList();
    }

    /// <summary>Grades one submission through <paramref name="stages"/> (default <see cref="Stages"/>), in its own worker process(es).</summary>
    public static StudentGrade GradeOne(Assignment assignment, Submission submission, GradingLimits limits, IReadOnlyList<IGradingStage>? stages = null)
    {
        stages = Ordered(stages ?? Stages);
        return GradeOne(assignment, new ReleaseContracts(assignment, PlanStages(stages)), submission, limits, stages);
    }

    static StudentGrade GradeOne(Assignment assignment, ReleaseContracts contracts, Submission submission, GradingLimits limits, IReadOnlyList<IGradingStage> stages)
    {
        var grading = new SubmissionGrading(assignment, submission, limits, contracts);
        foreach (var stage in stages.Where(s => s.Phase != GradingPhase.Score))
        {
            if (grading.Failure is not null) break;
            try
            {
                stage.Apply(grading);
            }
            catch (Exception e)
            {
                // A fault of the grader itself on one submission (compiler, process start) must not stop the others.
                grading.Failure = (GradeStatus.Crashed, $"The grader failed on this submission: {e.Message}");
            }
        }
        foreach (var stage in stages.Where(s => s.Phase == GradingPhase.Score)) stage.Apply(grading);
        return new StudentGrade(submission.Student, submission.Path, grading.Rows) { FailingCode = grading.FailingCode() };
    }

    /// <summary><see cref="Stages"/> with the manual-scores stage giving <paramref name="scores"/>.</summary>
    public static IReadOnlyList<IGradingStage> WithManualScores(ManualScores scores) =>
        Stages.Select(s => s is ScoreManual ? new ScoreManual(scores) : s).ToList();

    /// <summary>The cells that would be compiled for <paramref name="document"/>: planned by <see cref="Stages"/>, with the test contract of its release.</summary>
    internal static IReadOnlyList<SourceCell> Cells(Assignment assignment, InteractiveDocument document)
    {
        var grading = new SubmissionGrading(assignment, new Submission("(cells)", assignment.Path), GradingLimits.Default,
            new ReleaseContracts(assignment, PlanStages(Stages))) { Document = document };
        // The document is given: every stage before execution runs but the one that reads it.
        foreach (var stage in Stages.Where(s => s.Phase < GradingPhase.Execute && s is not ReadNotebook)) stage.Apply(grading);
        return grading.SourceCells();
    }

    /// <summary>The plan stages of <paramref name="stages"/>: they also plan the instructor notebook for the test contract.</summary>
    static IReadOnlyList<IGradingStage> PlanStages(IReadOnlyList<IGradingStage> stages) => stages.Where(s => s.Phase == GradingPhase.Plan).ToList();

    /// <summary>Throws ArgumentException when two stages share a name or a stage comes before one of an earlier phase.</summary>
    static IReadOnlyList<IGradingStage> Ordered(IReadOnlyList<IGradingStage> stages)
    {
        if (stages.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Two grading stages are named '{twice.Key}': each stage needs its own name.", nameof(stages));
        for (var i = 1; i < stages.Count; i++)
            if (stages[i].Phase < stages[i - 1].Phase)
                throw new ArgumentException(
                    $"The grading stage '{stages[i].Name}' ({stages[i].Phase}) comes after '{stages[i - 1].Name}' ({stages[i - 1].Phase}): stages run in phase order read, plan, check, execute, score.",
                    nameof(stages));
        return stages;
    }
}
