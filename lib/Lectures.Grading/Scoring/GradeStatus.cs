using System.Text.Json.Serialization;

namespace Lectures.Grading.Scoring;

/// <summary>
/// How a cell ended, and so the status of a gradebook row. The gradebook and the feedback write it by its
/// <see cref="GradeStatuses.Name"/> ("forbidden-api", "edited-readonly", ...).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<GradeStatus>))]
public enum GradeStatus
{
    /// <summary>The cell ran without an exception.</summary>
    Passed,
    /// <summary>The cell threw an exception (a failed check).</summary>
    Failed,
    /// <summary>The cell threw NotImplementedException: a stub the student has not replaced.</summary>
    NotImplemented,
    /// <summary>The cell does not compile.</summary>
    CompileError,
    /// <summary>The cell ran longer than the per-cell limit.</summary>
    Timeout,
    /// <summary>The notebook ran longer than the per-notebook limit before this cell finished.</summary>
    NotebookTimeout,
    /// <summary>The cell overflowed the stack (the worker process died).</summary>
    StackOverflow,
    /// <summary>The cell went over the memory cap.</summary>
    OutOfMemory,
    /// <summary>The worker process died in this cell for another reason, or the grader itself failed on the submission.</summary>
    Crashed,
    /// <summary>The cell uses an API a submission may not use (files, processes, network, reflection).</summary>
    ForbiddenApi,
    /// <summary>A student declaration hides what a trusted cell binds to with the instructor's solution (e.g. a class Random).</summary>
    ShadowsApi,
    /// <summary>A function or type the release declares, which a trusted cell uses, was declared with another signature.</summary>
    ChangedSignature,
    /// <summary>The cell was not run (the run was given up).</summary>
    NotRun,
    /// <summary>The submission has more code cells or source text than the grader compiles (<see cref="Sandbox.GradingLimits.MaxCodeCells"/>,
    /// <see cref="Sandbox.GradingLimits.MaxSourceCharacters"/>), or takes longer to compile than the notebook time limit: none of it runs.</summary>
    TooLarge,
    /// <summary>A cell of the assignment is not in the submission (deleted, or its id was changed).</summary>
    MissingCell,
    /// <summary>A visible test was changed: it earns nothing (the original is what runs).</summary>
    EditedTest,
    /// <summary>A read-only cell was changed (the original is what runs).</summary>
    EditedReadOnly,
    /// <summary>The submission left files in its working folder.</summary>
    WroteFiles,
    /// <summary>The submission is not a readable notebook.</summary>
    InvalidNotebook,
    /// <summary>The submission was graded without the OS sandbox (<see cref="Sandbox.GradingLimits.Unsandboxed"/>).</summary>
    Unsandboxed,
    /// <summary>The submission came after the student's due time: the row's points are minus the late penalty (<see cref="Late.LatePolicy"/>).</summary>
    Late,
    /// <summary>Points.Check was called from code that is not a test cell's own check (a student function, a read-only cell, a delegate, reflection): the calls earn nothing.</summary>
    StrayCheck,
    /// <summary>An answer graded by hand: the row's points and comment are the instructor's (scores.csv).</summary>
    GradedByHand,
    /// <summary>An answer to be graded by hand that has no score yet: it earns no points and makes the grade provisional, it is not a 0.</summary>
    Ungraded,
}

/// <summary>The written names of <see cref="GradeStatus"/> and which statuses are problems.</summary>
public static class GradeStatuses
{
    /// <summary>The status as the gradebook and the feedback write it: kebab-case ("not-implemented", "edited-readonly").</summary>
    public static string Name(this GradeStatus status) => status switch
    {
        GradeStatus.Passed => "passed",
        GradeStatus.Failed => "failed",
        GradeStatus.NotImplemented => "not-implemented",
        GradeStatus.CompileError => "compile-error",
        GradeStatus.Timeout => "timeout",
        GradeStatus.NotebookTimeout => "notebook-timeout",
        GradeStatus.StackOverflow => "stack-overflow",
        GradeStatus.OutOfMemory => "out-of-memory",
        GradeStatus.Crashed => "crashed",
        GradeStatus.ForbiddenApi => "forbidden-api",
        GradeStatus.ShadowsApi => "shadows-api",
        GradeStatus.ChangedSignature => "changed-signature",
        GradeStatus.NotRun => "not-run",
        GradeStatus.TooLarge => "too-large",
        GradeStatus.MissingCell => "missing-cell",
        GradeStatus.EditedTest => "edited-test",
        GradeStatus.EditedReadOnly => "edited-readonly",
        GradeStatus.WroteFiles => "wrote-files",
        GradeStatus.InvalidNotebook => "invalid-notebook",
        GradeStatus.Unsandboxed => "unsandboxed",
        GradeStatus.Late => "late",
        GradeStatus.StrayCheck => "stray-check",
        GradeStatus.GradedByHand => "graded-by-hand",
        GradeStatus.Ungraded => "ungraded",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a grade status."),
    };

    /// <summary>
    /// True when a cell that is not a test, ending so, gets a problem row of its own: it was refused (forbidden-api,
    /// shadows-api, changed-signature) or it stopped its worker (timeout, notebook-timeout, stack-overflow,
    /// out-of-memory, crashed). A student cell that fails or does not compile is not one: the tests that need it say so.
    /// </summary>
    public static bool IsProblem(this GradeStatus status) =>
        status is GradeStatus.Timeout or GradeStatus.NotebookTimeout or GradeStatus.StackOverflow or GradeStatus.OutOfMemory
            or GradeStatus.Crashed or GradeStatus.ForbiddenApi or GradeStatus.ShadowsApi or GradeStatus.ChangedSignature;
}
