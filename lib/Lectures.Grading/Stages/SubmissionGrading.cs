using System.Diagnostics;
using Lectures.Grading.Checking;
using Lectures.Grading.Format;
using Lectures.Grading.Release;
using Lectures.Grading.Sandbox;
using Lectures.Grading.Scoring;
using Microsoft.DotNet.Interactive.Documents;

namespace Lectures.Grading.Stages;

/// <summary>One submission on its way through the stages: what each stage found, for the stages after it.</summary>
public sealed class SubmissionGrading(Assignment assignment, Submission submission, GradingLimits limits, ReleaseContracts contracts)
{
    /// <summary>The assignment being graded.</summary>
    public Assignment Assignment { get; } = assignment;

    /// <summary>The submission being graded.</summary>
    public Submission Submission { get; } = submission;

    /// <summary>The limits it runs under.</summary>
    public GradingLimits Limits { get; } = limits;

    /// <summary>The test contract of each release, shared by the submissions graded together.</summary>
    public ReleaseContracts Contracts { get; } = contracts;

    /// <summary>The submitted notebook (read).</summary>
    public InteractiveDocument? Document { get; set; }

    /// <summary>The release the submission came from (read).</summary>
    public AssignmentRelease? Release { get; set; }

    /// <summary>The submission's cells in notebook order, then the hidden tests (plan).</summary>
    public List<PlannedCell> Cells { get; } = [];

    /// <summary>The checks every cell must pass to run, in order (check).</summary>
    public List<CellCheck> Checks { get; } = [];

    /// <summary>The notebook's time, started when compiling starts: the compile and all runs share the notebook time limit (execute).</summary>
    public Stopwatch? Clock { get; set; }

    /// <summary>The compiled cells and the refused ones (execute).</summary>
    public CompiledNotebook? Compiled { get; set; }

    /// <summary>The outcome of every cell that was compiled or refused (execute).</summary>
    public SubmissionRun? Run { get; set; }

    /// <summary>
    /// Why the submission could not be graded (not a readable notebook, or a fault of the grader), or null: once
    /// set, only the score stages run, and every test gets this status and message.
    /// </summary>
    public (GradeStatus Status, string Message)? Failure { get; set; }

    /// <summary>The gradebook rows, tests first, then problems (score).</summary>
    public List<GradeRow> Rows { get; } = [];

    /// <summary>The planned code cells as the compiler takes them: key, source, trust, a trusted cell's grade id and contract, whether it is a test, and the label.</summary>
    public IReadOnlyList<SourceCell> SourceCells() =>
        Cells.Where(c => c.IsCode).Select(c => new SourceCell(c.Key, c.Source, c.Trusted, c.Trusted ? c.Spec!.Id : null, c.Contract,
            Test: c.Trusted && c.Spec!.Role == CellRole.Test, Label: c.Label)).ToList();

    /// <summary>The student's own code cells (not trusted) whose run did not pass, in notebook order; none before the cells ran.</summary>
    public IReadOnlyList<CellCode> FailingCode() =>
        Run is null ? [] :
            (from c in Cells
             where c is { IsCode: true, Trusted: false } && Run.Outcomes.ContainsKey(c.Key)
             let outcome = Run.Outcomes[c.Key]
             where outcome.Status != GradeStatus.Passed
             select new CellCode(c.Label, c.Source, outcome.Status, outcome.Message)).ToList();

    /// <summary>The planned code cell of the submission standing for assignment cell <paramref name="id"/>, or null.</summary>
    public PlannedCell? CodeCellOf(string id) => Cells.FirstOrDefault(c => c.IsCode && c.Spec?.Id == id);

    /// <summary>True when a cell of the submission (of any kind) stands for assignment cell <paramref name="id"/>.</summary>
    public bool Has(string id) => Cells.Any(c => c.Spec?.Id == id);

    /// <summary>True when the cell of the submission standing for locked assignment cell <paramref name="id"/> was edited.</summary>
    public bool WasEdited(string id) => Cells.Any(c => c.Spec?.Id == id && c.Edited);
}
