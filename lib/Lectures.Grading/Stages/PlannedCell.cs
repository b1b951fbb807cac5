using Lectures.Grading.Format;

namespace Lectures.Grading.Stages;

/// <summary>One cell of a submission as the plan stages decide it, or a hidden test they add.</summary>
public sealed class PlannedCell
{
    /// <summary>The key its outcome is reported under: "cell&lt;n&gt;" for the submission's n-th cell (from 1), "hidden:&lt;id&gt;" for a hidden test.</summary>
    public required string Key { get; init; }

    /// <summary>The grade id in the cell's metadata, or null.</summary>
    public required string? GradeId { get; init; }

    /// <summary>True for a code cell: only code cells run.</summary>
    public required bool IsCode { get; init; }

    /// <summary>The source that runs: the student's, or for a locked cell the release's.</summary>
    public required string Source { get; set; }

    /// <summary>The assignment cell this cell stands for, or null for the student's own cells and for copies.</summary>
    public AssignmentCell? Spec { get; set; }

    /// <summary>The name of the cell's gradebook rows: the assignment cell's id, else the cell's own id when no other cell has it, else "id#n".</summary>
    public string Label { get; set; } = "";

    /// <summary>True when the cell runs as the instructor's (a locked cell as released, or a hidden test): not held to the allow-list.</summary>
    public bool Trusted { get; set; }

    /// <summary>True when a locked cell's source differs from the one its release gave.</summary>
    public bool Edited { get; set; }

    /// <summary>A trusted cell's bindings after the instructor's solution (the test contract), or null when not checked.</summary>
    public IReadOnlyList<string>? Contract { get; set; }
}
