using Lectures.Grading.Execution;
using Lectures.Grading.Format;
using Microsoft.DotNet.Interactive.Documents;

namespace Lectures.Grading.Grading;

/// <summary>
/// Grades submissions of an assignment. The student's code cells run in the student's order; visible tests and
/// read-only cells run as the instructor wrote them (a changed one is reported, and a changed test earns nothing);
/// the hidden tests run after the student's cells. A test earns its points when it runs without an exception.
/// Submissions are only read, never written.
/// </summary>
public static class Grader
{
    static readonly HashSet<string> ProblemStatuses = new(StringComparer.Ordinal)
    {
        CellStatus.Timeout, CellStatus.NotebookTimeout, CellStatus.StackOverflow, CellStatus.OutOfMemory, CellStatus.Crashed, CellStatus.Forbidden,
    };

    /// <summary>Grades every submission, <see cref="GradingLimits.Parallelism"/> at a time; results in student order.</summary>
    public static IReadOnlyList<StudentGrade> Grade(Assignment assignment, IReadOnlyList<Submission> submissions, GradingLimits limits,
        IProgress<StudentGrade>? progress = null)
    {
        limits.Validated();
        var grades = new StudentGrade[submissions.Count];
        Parallel.For(0, submissions.Count, new ParallelOptions { MaxDegreeOfParallelism = limits.Parallelism }, i =>
        {
            var grade = GradeOne(assignment, submissions[i], limits);
            grades[i] = limits.Unsandboxed ? grade with { Rows = [.. grade.Rows, UnsandboxedRow] } : grade;
            progress?.Report(grades[i]);
        });
        return grades.OrderBy(g => g.Student, StringComparer.Ordinal).ToList();
    }

    /// <summary>The line every grade gets when the workers ran without the OS sandbox (<see cref="GradingLimits.Unsandboxed"/>).</summary>
    static readonly GradeRow UnsandboxedRow = new("(notebook)", 0, 0, GradeStatus.Unsandboxed,
        "Graded without the OS sandbox (--unsandboxed): this notebook's code ran with the grader's access to files, processes and the network.");

    /// <summary>Grades one submission in its own worker process(es).</summary>
    public static StudentGrade GradeOne(Assignment assignment, Submission submission, GradingLimits limits)
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

        var plan = Plan(assignment, document);
        SubmissionRun run;
        try
        {
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

    /// <summary>What runs for a submission: cells with keys, and which cell of the assignment each key stands for.</summary>
    sealed record GradingPlan(List<SourceCell> Cells, Dictionary<string, string> CellIdOfKey, Dictionary<string, string> KeyOfCell,
        HashSet<string> Present, HashSet<string> Edited);

    static GradingPlan Plan(Assignment assignment, InteractiveDocument document)
    {
        var byId = assignment.Cells.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var plan = new GradingPlan(new(), new(), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        for (var i = 0; i < document.Elements.Count; i++)
        {
            var element = document.Elements[i];
            var id = NotebookFile.GradeId(element);
            // A cell copied by the student (same id twice) counts once, the first time; copies run as the student's own code.
            var spec = id is not null && byId.TryGetValue(id, out var s) && !s.Hidden && plan.Present.Add(id) ? s : null;
            if (spec is not null && spec.Locked && CellChecksum.Of(element.Contents) != spec.Checksum) plan.Edited.Add(spec.Id);
            if (!NotebookFile.IsCode(element)) continue;
            var key = $"cell{i + 1}";
            plan.CellIdOfKey[key] = spec?.Id ?? id ?? $"#{i + 1}";
            if (spec is not null) plan.KeyOfCell[spec.Id] = key;
            plan.Cells.Add(spec is { Locked: true }
                ? new SourceCell(key, spec.Source, Trusted: true)
                : new SourceCell(key, element.Contents, Trusted: false));
        }
        foreach (var hidden in assignment.Tests.Where(t => t.Hidden))
        {
            var key = "hidden:" + hidden.Id;
            plan.CellIdOfKey[key] = hidden.Id;
            plan.KeyOfCell[hidden.Id] = key;
            plan.Cells.Add(new SourceCell(key, hidden.Source, Trusted: true));
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
        foreach (var cell in plan.Cells.Where(c => !c.Trusted))
        {
            var outcome = run.Outcomes[cell.Key];
            var id = plan.CellIdOfKey[cell.Key];
            if (ProblemStatuses.Contains(outcome.Status) && !tests.Contains(id))
                yield return new GradeRow("cell:" + id, 0, 0, outcome.Status, outcome.Message);
        }
        if (run.WroteFiles.Count > 0)
            yield return new GradeRow("(notebook)", 0, 0, GradeStatus.WroteFiles,
                $"The submission wrote files, which it may not: {string.Join(", ", run.WroteFiles.Take(5))}.");
    }
}
