using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Lectures.Grading.Format;
using Lectures.Grading.Scoring;
using Lectures.Grading.Stages;

namespace Lectures.Grading.Release;

/// <summary>A visible cell of an assignment as a released notebook records it.</summary>
/// <param name="Id">Its grade id.</param>
/// <param name="Role">What it is for.</param>
/// <param name="IsCode">True for a code cell.</param>
/// <param name="Points">A test's points (0 for other cells).</param>
/// <param name="Source">A locked cell's source as released (what runs); null for the cells a student writes in.</param>
public sealed record RecordedCell(string Id, CellRole Role, bool IsCode, double Points, string? Source);

/// <summary>
/// What a student notebook records of its release in its metadata (grading.assignment, grading.release and
/// grading.check), so that <c>lectures check</c> grades it as the grader will, with the visible tests, and needs no
/// instructor file: the visible cells (id, role, points, and each locked cell's source), the hidden tests' ids and
/// points (never their code), and the test contract of the visible trusted cells (<see cref="ReleaseContracts"/>).
/// </summary>
/// <param name="Assignment">The assignment's name.</param>
/// <param name="Release">The release's number.</param>
/// <param name="Cells">The visible cells, in notebook order.</param>
/// <param name="Hidden">The hidden tests, in notebook order.</param>
/// <param name="Contract">The bindings of each visible trusted cell after the instructor's solution, by grade id.</param>
public sealed record ReleasedNotebook(string Assignment, int Release, IReadOnlyList<RecordedCell> Cells, IReadOnlyList<HiddenTest> Hidden,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Contract)
{
    /// <summary>The key of the recorded part in the notebook's grading metadata.</summary>
    public const string CheckKey = "check";

    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The part under grading.check.</summary>
    sealed record CheckPart(IReadOnlyList<RecordedCell> Cells, IReadOnlyList<HiddenTest> Hidden, IReadOnlyDictionary<string, IReadOnlyList<string>> Contract);

    /// <summary>What the student notebook of <paramref name="release"/> of <paramref name="assignment"/> records; compiles the instructor's cells for the contract.</summary>
    public static ReleasedNotebook Of(Assignment assignment, AssignmentRelease release)
    {
        var visible = assignment.Cells.Where(c => !c.Hidden).ToList();
        var plan = Grader.Stages.Where(s => s.Phase == GradingPhase.Plan).ToList();
        var contract = new ReleaseContracts(assignment, plan).Of(release);
        return new ReleasedNotebook(assignment.Name, release.Number,
            visible.Select(c => new RecordedCell(c.Id, c.Role, c.IsCode, c.Points, c.Locked ? release.Cell(c.Id)?.Source ?? c.Source : null)).ToList(),
            release.Hidden ?? [],
            visible.Where(c => contract.ContainsKey(c.Id)).ToDictionary(c => c.Id, c => contract[c.Id]));
    }

    /// <summary>The notebook's grading metadata: {"assignment": name, "release": n, "check": {cells, hidden, contract}}.</summary>
    public Dictionary<string, object> Metadata() => new()
    {
        ["assignment"] = Assignment,
        ["release"] = Release,
        [CheckKey] = JsonSerializer.SerializeToElement(new CheckPart(Cells, Hidden, Contract), Json),
    };

    /// <summary>
    /// Reads what the notebook at <paramref name="path"/> records; throws InvalidDataException naming the file when
    /// it is not a notebook, names no release, or comes from a release that did not record what check needs.
    /// </summary>
    public static ReleasedNotebook Read(string path)
    {
        NotebookFile.Read(path);   // a missing file or one that is no notebook is named as the grader names it
        var grading = JsonNode.Parse(File.ReadAllText(path))?["metadata"]?[NotebookFile.MetadataKey] as JsonObject;
        if (grading?["assignment"] is not JsonValue name || !name.TryGetValue<string>(out var assignment)
            || grading["release"] is not JsonValue number || !number.TryGetValue<int>(out var release))
            throw new InvalidDataException($"{path} names no assignment release in its metadata (grading.assignment, grading.release): check needs the notebook as your course released it.");
        try
        {
            var part = grading[CheckKey]?.Deserialize<CheckPart>(Json)
                ?? throw new InvalidDataException($"{path} is from release {release} of {assignment}, which does not record the tests for check: get the current release and copy your solutions into it.");
            if (part.Cells is null || part.Hidden is null || part.Contract is null) throw new JsonException("cells, hidden or contract is missing");
            return new ReleasedNotebook(assignment, release, part.Cells, part.Hidden, part.Contract);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: its metadata grading.check is not what a release writes ({e.Message}).", e);
        }
    }

    /// <summary>The assignment as recorded, for grading the notebook at <paramref name="path"/> with its visible tests (<see cref="Format.Assignment.Recorded"/>).</summary>
    public Assignment ToAssignment(string path) => Format.Assignment.Recorded(Assignment, path,
        Cells.Select(c => new AssignmentCell(c.Id, c.Role, c.IsCode, c.Points, Hidden: false, c.Source ?? "")).ToList(), Contract, NotebookFile.Read(path));
}
