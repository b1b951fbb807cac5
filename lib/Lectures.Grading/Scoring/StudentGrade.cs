namespace Lectures.Grading.Scoring;

/// <summary>A submitted notebook: the student's name and the file.</summary>
public sealed record Submission(string Student, string Path);

/// <summary>One gradebook line: a test (or, with MaxPoints 0, a problem found in a cell) and what it earned.</summary>
/// <param name="Test">The test's grade id, "cell:&lt;id&gt;" for a problem in another cell, or "(notebook)".</param>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points available (0 for a problem line).</param>
/// <param name="Status">passed, failed, not-implemented, compile-error, timeout, notebook-timeout, stack-overflow,
/// out-of-memory, crashed, not-run, missing-cell, edited-test, edited-readonly, forbidden-api, shadows-api, changed-signature,
/// wrote-files, invalid-notebook, too-large or unsandboxed.</param>
/// <param name="Message">What went wrong, for the feedback ("" when passed).</param>
public sealed record GradeRow(string Test, double Points, double MaxPoints, string Status, string Message);

/// <summary>A student's grade: one row per test of the assignment, in notebook order, then the problem rows.</summary>
public sealed record StudentGrade(string Student, string Submission, IReadOnlyList<GradeRow> Rows)
{
    /// <summary>Points earned: the sum over rows.</summary>
    public double Points => Rows.Sum(r => r.Points);

    /// <summary>Points available: the sum over rows.</summary>
    public double MaxPoints => Rows.Sum(r => r.MaxPoints);
}

/// <summary>The statuses the grader adds to the cell statuses of <see cref="Sandbox.CellStatus"/>.</summary>
public static class GradeStatus
{
    /// <summary>A cell of the assignment is not in the submission (deleted, or its id was changed).</summary>
    public const string MissingCell = "missing-cell";
    /// <summary>A visible test was changed: it earns nothing (the original is what runs).</summary>
    public const string EditedTest = "edited-test";
    /// <summary>A read-only cell was changed (the original is what runs).</summary>
    public const string EditedReadOnly = "edited-readonly";
    /// <summary>The submission left files in its working folder.</summary>
    public const string WroteFiles = "wrote-files";
    /// <summary>The submission is not a readable notebook.</summary>
    public const string InvalidNotebook = "invalid-notebook";
    /// <summary>The submission was graded without the OS sandbox (<see cref="Sandbox.GradingLimits.Unsandboxed"/>).</summary>
    public const string Unsandboxed = "unsandboxed";
}
