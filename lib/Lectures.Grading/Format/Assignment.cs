using Lectures.Grading.Release;
using Microsoft.DotNet.Interactive.Documents;

namespace Lectures.Grading.Format;

/// <summary>
/// An instructor notebook, assignments/&lt;name&gt;/&lt;name&gt;.ipynb: solution cells, test cells worth points
/// (visible or hidden), manual cells worth points (answers scored by hand) and read-only cells, marked in each cell's metadata (see <see cref="NotebookFile"/>).
/// </summary>
public sealed class Assignment
{
    /// <summary>The assignment's name (the notebook's file name without extension).</summary>
    public string Name { get; }

    /// <summary>The instructor notebook's path.</summary>
    public string Path { get; }

    /// <summary>The cells, in order.</summary>
    public IReadOnlyList<AssignmentCell> Cells { get; }

    /// <summary>The releases recorded in releases.json beside the notebook, first to last (empty when it was never released).</summary>
    public IReadOnlyList<AssignmentRelease> Releases { get; }

    /// <summary>The parsed notebook (for writing the student version).</summary>
    internal InteractiveDocument Document { get; }

    /// <summary>The test contract a released notebook recorded (<see cref="ReleasedNotebook"/>), used instead of computing it from the instructor's solution; null for an instructor notebook.</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<string>>? RecordedContract { get; }

    Assignment(string name, string path, IReadOnlyList<AssignmentCell> cells, IReadOnlyList<AssignmentRelease> releases, InteractiveDocument document,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? recordedContract = null) =>
        (Name, Path, Cells, Releases, Document, RecordedContract) = (name, path, cells, releases, document, recordedContract);

    /// <summary>
    /// The assignment as a released student notebook records it (<see cref="ReleasedNotebook"/>): its visible
    /// <paramref name="cells"/> with the released sources of the locked ones, no release history, and the test contract recorded at release.
    /// </summary>
    internal static Assignment Recorded(string name, string path, IReadOnlyList<AssignmentCell> cells, IReadOnlyDictionary<string, IReadOnlyList<string>> contract,
        InteractiveDocument document) =>
        new(name, System.IO.Path.GetFullPath(path), cells, Array.Empty<AssignmentRelease>(), document, contract);

    /// <summary>The test cells, visible and hidden, in notebook order.</summary>
    public IReadOnlyList<AssignmentCell> Tests => Cells.Where(c => c.Role == CellRole.Test).ToList();

    /// <summary>The cells scored by the instructor by hand, in notebook order.</summary>
    public IReadOnlyList<AssignmentCell> ManualQuestions => Cells.Where(c => c.Role == CellRole.Manual).ToList();

    /// <summary>Total points: the sum of the tests' and the manual cells' points.</summary>
    public double MaxPoints => Tests.Concat(ManualQuestions).Sum(t => t.Points);

    /// <summary>The instructor notebook of assignment <paramref name="name"/> under <paramref name="root"/>: assignments/name/name.ipynb.</summary>
    public static string NotebookPath(string root, string name) => System.IO.Path.Combine(root, "assignments", name, name + ".ipynb");

    /// <summary>
    /// Reads and checks an instructor notebook; throws InvalidDataException naming the cell when a grade id is
    /// missing or repeated, a role is unknown, a test has no positive points, or solution markers are misplaced,
    /// and when the release history (<see cref="ReleaseHistory"/>) beside it is malformed.
    /// </summary>
    public static Assignment Load(string path)
    {
        var document = NotebookFile.Read(path);
        var cells = new List<AssignmentCell>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Elements.Count; i++)
        {
            var element = document.Elements[i];
            var grading = NotebookFile.Grading(element);
            var id = NotebookFile.GradeId(element) ?? (grading is null ? $"#{i + 1}"
                : throw new InvalidDataException($"{path}: cell {i + 1} has grading metadata but no grade_id and no cell id."));
            if (!seen.Add(id)) throw new InvalidDataException($"{path}: the grade id '{id}' is used by more than one cell (cell {i + 1}).");
            var role = RoleOf(grading, id);
            var points = grading is null ? 0 : NotebookFile.Number(grading, "points", id) ?? 0;
            var hidden = grading is not null && NotebookFile.Flag(grading, "hidden");
            var isCode = NotebookFile.IsCode(element);
            var cell = new AssignmentCell(id, role, isCode, points, hidden, element.Contents);
            Validate(cell, path);
            cells.Add(cell);
        }
        if (!cells.Any(c => c.Role == CellRole.Test))
            throw new InvalidDataException($"{path} has no test cell: mark at least one cell with grading.role = \"test\" and points.");
        return new Assignment(System.IO.Path.GetFileNameWithoutExtension(path), System.IO.Path.GetFullPath(path), cells, ReleaseHistory.Load(path), document);
    }

    static CellRole RoleOf(IDictionary<string, object>? grading, string id) =>
        (grading is null ? null : NotebookFile.Text(grading, "role")) switch
        {
            null => CellRole.Free,
            "solution" => CellRole.Solution,
            "test" => CellRole.Test,
            "readonly" => CellRole.ReadOnly,
            "manual" => CellRole.Manual,
            var other => throw new InvalidDataException($"Cell '{id}': grading.role must be \"solution\", \"test\", \"readonly\" or \"manual\", got \"{other}\"."),
        };

    static void Validate(AssignmentCell cell, string path)
    {
        var where = $"{path}, cell '{cell.Id}'";
        if (cell.Role is CellRole.Test or CellRole.Manual && !(cell.Points > 0))
            throw new InvalidDataException($"{where}: a {(cell.Role == CellRole.Test ? "test" : "manual cell")} needs grading.points > 0, got {cell.Points}.");
        if (cell.Role is not (CellRole.Test or CellRole.Manual) && cell.Points != 0 || cell.Role != CellRole.Test && cell.Hidden)
            throw new InvalidDataException($"{where}: only tests and manual cells have points, and only tests are hidden (role is {cell.Role}).");
        if (cell.Role is CellRole.Solution or CellRole.Test && !cell.IsCode)
            throw new InvalidDataException($"{where}: a {cell.Role} cell must be a code cell.");
        if (cell.Role == CellRole.Solution) SolutionRegions.Strip(cell.Source, cell.Id);
        else if (SolutionRegions.Mentions(cell.Source))
            throw new InvalidDataException($"{where}: solution markers belong in solution cells only (this cell's role is {cell.Role}).");
    }
}
