using Lectures.Grading.Sandbox;

namespace Lectures.Grading.Scoring;

/// <summary>A submitted notebook: the student's name and the file.</summary>
public sealed record Submission(string Student, string Path);

/// <summary>One gradebook line: a test or a manual cell (or, with MaxPoints 0, a problem found in a cell) and what it earned.</summary>
/// <param name="Test">The test's or manual cell's grade id, "cell:&lt;id&gt;" for a problem in another cell, or "(notebook)".</param>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points available (0 for a problem line).</param>
/// <param name="Status">How the test ended, or the problem found.</param>
/// <param name="Message">What went wrong, for the feedback ("" when passed); for a manual cell graded by hand, the instructor's comment.</param>
/// <param name="Checks">A partial-credit test's checks (Points.Check sites reached), in source order; null for an all-or-nothing row.</param>
public sealed record GradeRow(string Test, double Points, double MaxPoints, GradeStatus Status, string Message, IReadOnlyList<CheckResult>? Checks = null);

/// <summary>One of the student's own code cells that did not run cleanly, for the feedback page.</summary>
/// <param name="Label">The cell's name (its grade id, else its cell id).</param>
/// <param name="Source">The student's code.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">The error.</param>
public sealed record CellCode(string Label, string Source, GradeStatus Status, string Message);

/// <summary>A student's grade: one row per test of the assignment, in notebook order, then one per manual cell, then the problem rows.</summary>
public sealed record StudentGrade(string Student, string Submission, IReadOnlyList<GradeRow> Rows)
{
    /// <summary>The student's own code cells that did not pass (did not compile, threw, were refused or stopped the worker), in notebook order.</summary>
    public IReadOnlyList<CellCode> FailingCode { get; init; } = [];

    /// <summary>
    /// A grader's comments, by the name of the row they are about (a test's id, "cell:&lt;id&gt;"), or
    /// <see cref="NotebookComment"/> for the whole submission; the feedback shows each beside its row.
    /// </summary>
    public IReadOnlyDictionary<string, string> Comments { get; init; } = new Dictionary<string, string>();

    /// <summary>The key of <see cref="Comments"/> for a comment on the whole submission.</summary>
    public const string NotebookComment = "(notebook)";

    /// <summary>Points earned: the sum over rows (an ungraded row adds nothing and makes the grade <see cref="Provisional"/>).</summary>
    public double Points => Rows.Sum(r => r.Points);

    /// <summary>True while a manual cell is ungraded: <see cref="Points"/> is then a lower bound, not the grade.</summary>
    public bool Provisional => Rows.Any(r => r.Status == GradeStatus.Ungraded);

    /// <summary>Points not graded yet: the sum of the ungraded rows' MaxPoints.</summary>
    public double UngradedPoints => Rows.Where(r => r.Status == GradeStatus.Ungraded).Sum(r => r.MaxPoints);

    /// <summary>Points available: the sum over rows.</summary>
    public double MaxPoints => Rows.Sum(r => r.MaxPoints);
}
