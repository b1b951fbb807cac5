using Lectures.Grading.Format;

namespace Lectures.Grading.Similarity;

/// <summary>Reads what a similarity report compares: the students' code cells and the code the release gave them.</summary>
public static class SubmittedSolutions
{
    /// <summary>
    /// The code cells of the submitted notebook at <paramref name="path"/> that the student wrote: every code cell
    /// whose grade id is not a test or read-only cell of <paramref name="assignment"/> (solution cells and cells the
    /// student added). The file is only read.
    /// </summary>
    public static SolutionCode Of(Assignment assignment, string student, string path)
    {
        var given = assignment.Cells.Where(c => c.Role is CellRole.Test or CellRole.ReadOnly).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var cells = NotebookFile.Read(path).Elements
            .Where(e => NotebookFile.IsCode(e) && !(NotebookFile.GradeId(e) is { } id && given.Contains(id)))
            .Select(e => e.Contents).ToList();
        return new SolutionCode(student, cells);
    }

    /// <summary>
    /// The solution code of every readable submission in <paramref name="submissions"/> (student, path), and the
    /// paths of those that are not readable notebooks (they are left out of the comparison).
    /// </summary>
    public static (IReadOnlyList<SolutionCode> Code, IReadOnlyList<string> Unreadable) Read(Assignment assignment, IEnumerable<(string Student, string Path)> submissions)
    {
        var (code, unreadable) = (new List<SolutionCode>(), new List<string>());
        foreach (var (student, path) in submissions)
            try
            {
                code.Add(Of(assignment, student, path));
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
            {
                unreadable.Add(path);
            }
        return (code, unreadable);
    }

    /// <summary>The code cells of the student release of <paramref name="assignment"/>: solution cells as stubs, all other visible code as written.</summary>
    public static IReadOnlyList<string> Released(Assignment assignment) =>
        assignment.Cells.Where(c => c.IsCode && !c.Hidden)
            .Select(c => c.Role == CellRole.Solution ? SolutionRegions.Strip(c.Source, c.Id) : c.Source).ToList();
}
