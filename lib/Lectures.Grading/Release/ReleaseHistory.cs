using System.Text.Json;
using System.Text.Json.Serialization;
using Lectures.Grading.Format;
using Microsoft.DotNet.Interactive.Documents;

namespace Lectures.Grading.Release;

/// <summary>A locked cell (visible test or read-only cell), or a manual cell it asks students to answer, as one release gave it to students.</summary>
/// <param name="Id">The cell's grade id.</param>
/// <param name="Checksum">The <see cref="CellChecksum"/> of its source.</param>
/// <param name="Source">Its source, which is what runs when a submission of this release is graded.</param>
public sealed record ReleasedCell(string Id, string Checksum, string Source);

/// <summary>A hidden test as a release tells students about it: its grade id and points, never its code.</summary>
/// <param name="Id">The test's grade id.</param>
/// <param name="Points">What it is worth.</param>
public sealed record HiddenTest(string Id, double Points);

/// <summary>One release of an assignment: its number, its locked and manual cells, its hidden tests and when it was made.</summary>
/// <param name="Number">1 for the first release, then 2, 3, ...; 0 for the notebook as it is now when it was never released.</param>
/// <param name="Cells">The locked cells and the manual cells (the questions this release asks to be answered for grading by hand), in notebook order.</param>
/// <param name="Date">When <c>assign release</c> first wrote it (UTC, whole seconds); null until recorded, and in histories written before dates were kept.</param>
/// <param name="Hidden">The hidden tests it names to students (id and points, in notebook order); null in histories written before they were kept.</param>
public sealed record AssignmentRelease(int Number, IReadOnlyList<ReleasedCell> Cells, DateTimeOffset? Date = null, IReadOnlyList<HiddenTest>? Hidden = null)
{
    /// <summary>The locked cell <paramref name="id"/> of this release, or null.</summary>
    public ReleasedCell? Cell(string id) => Cells.FirstOrDefault(c => c.Id == id);

    /// <summary>The release the instructor notebook makes now (number 0 until it is recorded).</summary>
    public static AssignmentRelease Of(Assignment assignment) =>
        new(0, assignment.Cells.Where(c => c.Locked || c.Role == CellRole.Manual).Select(c => new ReleasedCell(c.Id, c.Checksum, c.Source)).ToList(),
            Hidden: assignment.Tests.Where(t => t.Hidden).Select(t => new HiddenTest(t.Id, t.Points)).ToList());

    /// <summary>The manual cells of <paramref name="assignment"/> that this release asks students to answer, in notebook order.</summary>
    public IReadOnlyList<AssignmentCell> ManualQuestions(Assignment assignment) =>
        assignment.ManualQuestions.Where(q => Cell(q.Id) is not null).ToList();

    /// <summary>True when both give students the same locked and manual cells (by checksum) and name the same hidden tests (a history without them names none alike).</summary>
    public bool SameRelease(AssignmentRelease other) =>
        Cells.Select(c => (c.Id, c.Checksum)).SequenceEqual(other.Cells.Select(c => (c.Id, c.Checksum)))
        && Hidden is not null && other.Hidden is not null && Hidden.SequenceEqual(other.Hidden);
}

/// <summary>
/// The releases of an assignment, kept in assignments/NAME/releases.json (committed with the notebook) by
/// <c>lectures assign release</c>. Changing a visible test, a read-only cell or the hidden tests' ids or points and
/// releasing again adds a release;
/// each released notebook names its release in its metadata (grading.release), and a submission is graded against
/// the release it came from: its locked cells are checked against that release's checksums, and that release's
/// sources run. A submission that names no known release is matched to the release whose locked cells it keeps best.
/// </summary>
public static class ReleaseHistory
{
    /// <summary>The file name, beside the instructor notebook.</summary>
    public const string FileName = "releases.json";

    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    sealed record HistoryFile(string Assignment, IReadOnlyList<AssignmentRelease> Releases);

    /// <summary>The path of the history of the instructor notebook at <paramref name="notebookPath"/>.</summary>
    public static string PathOf(string notebookPath) => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(notebookPath))!, FileName);

    /// <summary>The recorded releases (empty when there is no file); throws InvalidDataException naming the file when it is malformed.</summary>
    public static IReadOnlyList<AssignmentRelease> Load(string notebookPath)
    {
        var path = PathOf(notebookPath);
        if (!File.Exists(path)) return Array.Empty<AssignmentRelease>();
        try
        {
            var file = JsonSerializer.Deserialize<HistoryFile>(File.ReadAllText(path), Json);
            var releases = file?.Releases ?? throw new JsonException("no \"releases\" list");
            for (var i = 0; i < releases.Count; i++)
                if (releases[i].Number != i + 1 || releases[i].Cells is null)
                    throw new JsonException($"release {i + 1} is numbered {releases[i].Number} or has no cells");
            return releases;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a release history: {e.Message}", e);
        }
    }

    /// <summary>
    /// The release the instructor notebook makes now: the recorded one with the same locked cells and hidden tests
    /// (<see cref="AssignmentRelease.SameRelease"/>), or a new one numbered after the last (not yet recorded:
    /// <see cref="Record"/> does that).
    /// </summary>
    public static AssignmentRelease Next(Assignment assignment)
    {
        var now = AssignmentRelease.Of(assignment);
        return assignment.Releases.FirstOrDefault(r => r.SameRelease(now)) ?? now with { Number = assignment.Releases.Count + 1 };
    }

    /// <summary>Adds <paramref name="release"/>, dated now, to the history file of <paramref name="assignment"/> unless it is there already.</summary>
    public static void Record(Assignment assignment, AssignmentRelease release)
    {
        if (assignment.Releases.Any(r => r.Number == release.Number)) return;
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var file = new HistoryFile(assignment.Name, assignment.Releases.Append(release with { Date = now }).ToList());
        File.WriteAllText(PathOf(assignment.Path), JsonSerializer.Serialize(file, Json) + "\n");
    }

    /// <summary>The release number a notebook names in its metadata (grading.release), or null.</summary>
    public static int? NumberIn(InteractiveDocument document)
    {
        if (!document.Metadata.TryGetValue(NotebookFile.MetadataKey, out var g) || g is not IDictionary<string, object> grading) return null;
        try
        {
            return NotebookFile.Number(grading, "release", "(notebook)") is { } n && n == Math.Floor(n) && Math.Abs(n) < int.MaxValue ? (int)n : null;
        }
        catch (InvalidDataException)
        {
            return null;   // a student's edit of the metadata: match the release by its cells instead
        }
    }

    /// <summary>
    /// The release <paramref name="submission"/> came from: the one its metadata names, else the one whose locked
    /// cells it keeps most of (the later one on a tie); the notebook as it is now when nothing was recorded.
    /// </summary>
    public static AssignmentRelease For(Assignment assignment, InteractiveDocument submission)
    {
        if (assignment.Releases.Count == 0) return AssignmentRelease.Of(assignment);
        if (NumberIn(submission) is { } number && number >= 1 && number <= assignment.Releases.Count) return assignment.Releases[number - 1];
        var kept = submission.Elements.Select(e => (Id: NotebookFile.GradeId(e), Checksum: CellChecksum.Of(e.Contents)))
            .Where(c => c.Id is not null).ToHashSet();
        return assignment.Releases.OrderByDescending(r => r.Cells.Count(c => kept.Contains((c.Id, c.Checksum)))).ThenByDescending(r => r.Number).First();
    }
}
