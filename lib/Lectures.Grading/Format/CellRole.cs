namespace Lectures.Grading.Format;

/// <summary>What a cell of an assignment is for.</summary>
public enum CellRole
{
    /// <summary>An ordinary cell: students may change it; it is not graded.</summary>
    Free,
    /// <summary>A code cell with BEGIN SOLUTION / END SOLUTION regions, replaced by stubs in the student version.</summary>
    Solution,
    /// <summary>A test cell worth points: it passes when it runs without an exception.</summary>
    Test,
    /// <summary>A cell students must leave as it is (instructions, given code).</summary>
    ReadOnly,
    /// <summary>
    /// A written answer worth points (Markdown or code), released editable and scored by the instructor by hand
    /// (scores.csv); the grader never runs it.
    /// </summary>
    Manual,
}

/// <summary>One cell of an instructor notebook.</summary>
/// <param name="Id">The cell's grade id (metadata grading.grade_id, else the nbformat cell id): how submissions are matched to it.</param>
/// <param name="Role">What the cell is for.</param>
/// <param name="IsCode">True for a code cell, false for Markdown or raw.</param>
/// <param name="Points">Points of a test or a manual cell (0 for other cells).</param>
/// <param name="Hidden">True for a hidden test: left out of the student version, injected after the student's cells when grading.</param>
/// <param name="Source">The cell's source as the instructor wrote it.</param>
public sealed record AssignmentCell(string Id, CellRole Role, bool IsCode, double Points, bool Hidden, string Source)
{
    /// <summary>True for cells a student may not change: visible tests and read-only cells.</summary>
    public bool Locked => Role is CellRole.ReadOnly || Role is CellRole.Test && !Hidden;

    /// <summary>SHA-256 of the normalised source (see <see cref="CellChecksum"/>).</summary>
    public string Checksum => CellChecksum.Of(Source);
}
