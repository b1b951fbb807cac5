using Lectures.Grading.Format;
using Lectures.Grading.Release;

namespace Lectures.Grading.Samples;

/// <summary>A shipped assignment's student notebook as a student who solved it exactly as the instructor did would hand it in: for the tests and the check benchmark.</summary>
static class ReferenceSolution
{
    /// <summary>The released notebook of <paramref name="assignment"/> (<see cref="StudentRelease.Render(Assignment)"/>) with every solution cell's source replaced by the instructor's.</summary>
    public static string Json(Assignment assignment) =>
        assignment.Cells.Where(c => c.Role == CellRole.Solution)
            .Aggregate(StudentRelease.Render(assignment), (json, cell) => SyntheticAssignment.Edit(json, cell.Id, cell.Source));
}
