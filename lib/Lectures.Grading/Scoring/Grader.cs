using Lectures.Grading.Checking;
using Lectures.Grading.Sandbox;
using Lectures.Grading.Format;
using Lectures.Grading.Release;
using Microsoft.DotNet.Interactive.Documents;

namespace Lectures.Grading.Scoring;

/// <summary>
/// Grades submissions of an assignment. The student's code cells run in the student's order; visible tests and
/// read-only cells run as the release the submission came from gave them (a changed one is reported, and a changed
/// test earns nothing); the hidden tests run after the student's cells. A test earns its points when it runs
/// without an exception and binds to what it binds to after the instructor's solution (the test contract).
/// Submissions are only read, never written.
/// </summary>
public static class Grader
{
    static readonly HashSet<string> ProblemStatuses = new(StringComparer.Ordinal)
    {
        CellStatus.Timeout, CellStatus.NotebookTimeout, CellStatus.StackOverflow, CellStatus.OutOfMemory, CellStatus.Crashed, CellStatus.Forbidden,
        CellStatus.ShadowsApi, CellStatus.ChangedSignature,
    };

    /// <summary>Grades every submission, <see cref="GradingLimits.Parallelism"/> at a time; results in student order.</summary>
    public static IReadOnlyList<StudentGrade> Grade(Assignment assignment, IReadOnlyList<Submission> submissions, GradingLimits limits,
        IProgress<StudentGrade>? progress = null)
    {
        limits.Validated();
        var contracts = new Contracts(assignment);
        var grades = new StudentGrade[submissions.Count];
        Parallel.For(0, submissions.Count, new ParallelOptions { MaxDegreeOfParallelism = limits.Parallelism }, i =>
        {
            var grade = GradeOne(assignment, contracts, submissions[i], limits);
            grades[i] = limits.Unsandboxed ? grade with { Rows = [.. grade.Rows, UnsandboxedRow] } : grade;
            progress?.Report(grades[i]);
        });
        return grades.OrderBy(g => g.Student, StringComparer.Ordinal).ToList();
    }

    /// <summary>The line every grade gets when the workers ran without the OS sandbox (<see cref="GradingLimits.Unsandboxed"/>).</summary>
    static readonly GradeRow UnsandboxedRow = new("(notebook)", 0, 0, GradeStatus.Unsandboxed,
        "Graded without the OS sandbox (--unsandboxed): this notebook's code ran with the grader's access to files, processes and the network.");

    /// <summary>Grades one submission in its own worker process(es).</summary>
    public static StudentGrade GradeOne(Assignment assignment, Submission submission, GradingLimits limits) =>
        GradeOne(assignment, new Contracts(assignment), submission, limits);

    static StudentGrade GradeOne(Assignment assignment, Contracts contracts, Submission submission, GradingLimits limits)
    {
        InteractiveDocument document;
        try
        {
            document = NotebookFile.Read(submission.Path);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
        {
            var rows = assignment.Tests.Select(t => new GradeRow(t.Id, 0, t.Points, GradeStatus.InvalidNotebook, e.Message)).ToList();
            return new StudentGrade(submission.Student, submission.Path, rows);
        }

        SubmissionRun run;
        GradingPlan plan;
        try
        {
            var release = ReleaseHistory.For(assignment, document);
            plan = Plan(assignment, document, release, contracts.Of(release));
            run = SubmissionRunner.Run(plan.Cells, limits);
        }
        catch (Exception e)
        {
            // A fault of the grader itself on one submission (compiler, process start) must not stop the others.
            var rows = assignment.Tests.Select(t => new GradeRow(t.Id, 0, t.Points, CellStatus.Crashed, $"The grader failed on this submission: {e.Message}")).ToList();
            return new StudentGrade(submission.Student, submission.Path, rows);
        }
        var tests = assignment.Tests.Select(t => TestRow(t, plan, run)).ToList();
        return new StudentGrade(submission.Student, submission.Path, tests.Concat(ProblemRows(assignment, plan, run)).ToList());
    }

    /// <summary>The cells that run for <paramref name="document"/>, with the release it came from and that release's test contract.</summary>
    internal static IReadOnlyList<SourceCell> Cells(Assignment assignment, InteractiveDocument document)
    {
        var release = ReleaseHistory.For(assignment, document);
        return Plan(assignment, document, release, new Contracts(assignment).Of(release)).Cells;
    }

    /// <summary>The test contract of each release: its trusted cells' bindings after the instructor's solution, computed once.</summary>
    sealed class Contracts(Assignment assignment)
    {
        readonly System.Collections.Concurrent.ConcurrentDictionary<int, Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>>> byRelease = new();

        public IReadOnlyDictionary<string, IReadOnlyList<string>> Of(AssignmentRelease release) =>
            byRelease.GetOrAdd(release.Number, _ => new(() => CellCompiler.Bindings(Plan(assignment, assignment.Document, release, null).Cells))).Value;
    }

    /// <summary>What runs for a submission: cells with keys, and which cell of the assignment each key stands for.</summary>
    sealed record GradingPlan(List<SourceCell> Cells, Dictionary<string, string> CellIdOfKey, Dictionary<string, string> KeyOfCell,
        HashSet<string> Present, HashSet<string> Edited);

    static GradingPlan Plan(Assignment assignment, InteractiveDocument document, AssignmentRelease release,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? contract)
    {
        var byId = assignment.Cells.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var plan = new GradingPlan(new(), new(), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Elements.Count; i++)
        {
            var element = document.Elements[i];
            var id = NotebookFile.GradeId(element);
            // A cell copied by the student (same id twice) counts once, the first time; copies run as the student's own code.
            var spec = id is not null && byId.TryGetValue(id, out var s) && !s.Hidden && plan.Present.Add(id) ? s : null;
            var released = spec is { Locked: true } ? release.Cell(spec.Id) ?? new ReleasedCell(spec.Id, spec.Checksum, spec.Source) : null;
            if (released is not null && CellChecksum.Of(element.Contents) != released.Checksum) plan.Edited.Add(spec!.Id);
            if (!NotebookFile.IsCode(element)) continue;
            var key = $"cell{i + 1}";
            // A student cell's own label never takes the name of an assignment cell or of an earlier cell: each gets its own row.
            var label = spec?.Id ?? (id is not null && !byId.ContainsKey(id) && !labels.Contains(id) ? id : $"{id}#{i + 1}");
            labels.Add(label);
            plan.CellIdOfKey[key] = label;
            if (spec is not null) plan.KeyOfCell[spec.Id] = key;
            plan.Cells.Add(released is not null
                ? new SourceCell(key, released.Source, Trusted: true, spec!.Id, contract?.GetValueOrDefault(spec.Id))
                : new SourceCell(key, element.Contents, Trusted: false));
        }
        foreach (var hidden in assignment.Tests.Where(t => t.Hidden))
        {
            var key = "hidden:" + hidden.Id;
            plan.CellIdOfKey[key] = hidden.Id;
            plan.KeyOfCell[hidden.Id] = key;
            plan.Cells.Add(new SourceCell(key, hidden.Source, Trusted: true, hidden.Id, contract?.GetValueOrDefault(hidden.Id)));
        }
        return plan;
    }

    static GradeRow TestRow(AssignmentCell test, GradingPlan plan, SubmissionRun run)
    {
        if (!test.Hidden && !plan.Present.Contains(test.Id))
            return new GradeRow(test.Id, 0, test.Points, GradeStatus.MissingCell, $"The test cell '{test.Id}' is not in the submission (deleted, or its id was changed).");
        if (plan.Edited.Contains(test.Id))
            return new GradeRow(test.Id, 0, test.Points, GradeStatus.EditedTest, $"The test cell '{test.Id}' was changed; tests must be left as released.");
        if (!plan.KeyOfCell.TryGetValue(test.Id, out var key))
            return new GradeRow(test.Id, 0, test.Points, GradeStatus.MissingCell, $"The test cell '{test.Id}' is no longer a code cell.");
        var outcome = run.Outcomes[key];
        return outcome.Status == CellStatus.Passed
            ? new GradeRow(test.Id, test.Points, test.Points, CellStatus.Passed, "")
            : new GradeRow(test.Id, 0, test.Points, outcome.Status, outcome.Message);
    }

    static IEnumerable<GradeRow> ProblemRows(Assignment assignment, GradingPlan plan, SubmissionRun run)
    {
        foreach (var cell in assignment.Cells.Where(c => c.Role is CellRole.Solution or CellRole.ReadOnly))
        {
            if (!plan.Present.Contains(cell.Id))
                yield return new GradeRow("cell:" + cell.Id, 0, 0, GradeStatus.MissingCell, $"The cell '{cell.Id}' is not in the submission (deleted, or its id was changed).");
            else if (plan.Edited.Contains(cell.Id))
                yield return new GradeRow("cell:" + cell.Id, 0, 0, GradeStatus.EditedReadOnly, $"The read-only cell '{cell.Id}' was changed; the original was run instead.");
        }
        var tests = assignment.Tests.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        // Tests report their own outcome on their row; every other cell that was refused or stopped gets a row of its own.
        foreach (var cell in plan.Cells.Where(c => !(c.Trusted && tests.Contains(plan.CellIdOfKey[c.Key]))))
        {
            var outcome = run.Outcomes[cell.Key];
            if (ProblemStatuses.Contains(outcome.Status))
                yield return new GradeRow("cell:" + plan.CellIdOfKey[cell.Key], 0, 0, outcome.Status, outcome.Message);
        }
        if (run.WroteFiles.Count > 0)
            yield return new GradeRow("(notebook)", 0, 0, GradeStatus.WroteFiles,
                $"The submission wrote files, which it may not: {string.Join(", ", run.WroteFiles.Take(5))}.");
    }
}
