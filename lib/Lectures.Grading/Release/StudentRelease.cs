using Lectures.Grading.Checking;
using Lectures.Grading.Format;
using Microsoft.DotNet.Interactive.Documents;

namespace Lectures.Grading.Release;

/// <summary>
/// Writes the student version of an assignment: solution regions replaced by stubs that throw
/// NotImplementedException, hidden tests left out, outputs cleared, and visible tests and read-only cells marked
/// "editable": false and "deletable": false (Jupyter and VS Code honour these). After the first cell (the
/// introduction) comes a paragraph saying what a submission may use (<see cref="ApiPolicy.StudentParagraph"/>). The
/// notebook's metadata names its release (grading.release, see <see cref="ReleaseHistory"/>) and records what
/// <c>lectures check</c> needs (<see cref="ReleasedNotebook"/>).
/// </summary>
public static class StudentRelease
{
    /// <summary>The cell id of the paragraph on what a submission may use.</summary>
    public const string AllowedApisId = "allowed-apis";

    /// <summary>The student notebook of <paramref name="assignment"/> as nbformat 4 JSON, naming the release it makes (<see cref="ReleaseHistory.Next"/>).</summary>
    public static string Render(Assignment assignment) => Render(assignment, ReleaseHistory.Next(assignment));

    static string Render(Assignment assignment, AssignmentRelease release)
    {
        var elements = new List<InteractiveDocumentElement>();
        foreach (var (cell, original) in assignment.Cells.Zip(assignment.Document.Elements))
        {
            if (cell.Hidden) continue;
            var contents = cell.Role == CellRole.Solution ? SolutionRegions.Strip(cell.Source, cell.Id) : cell.Source;
            var metadata = new Dictionary<string, object>(original.Metadata ?? new Dictionary<string, object>(), StringComparer.Ordinal);
            if (cell.Locked)
            {
                metadata["editable"] = false;
                metadata["deletable"] = false;
            }
            elements.Add(new InteractiveDocumentElement(contents, original.KernelName) { Id = original.Id, Metadata = metadata });
        }
        elements.Insert(Math.Min(1, elements.Count), new InteractiveDocumentElement(ApiPolicy.StudentParagraph, "markdown") { Id = AllowedApisId });
        var document = new InteractiveDocument(elements);
        foreach (var (key, value) in assignment.Document.Metadata) document.Metadata[key] = value;
        document.Metadata[NotebookFile.MetadataKey] = ReleasedNotebook.Of(assignment, release).Metadata();
        return NotebookFile.Serialize(document);
    }

    /// <summary>
    /// Writes the student notebook to <paramref name="releaseDir"/>/name/name.ipynb and records its release in
    /// the assignment's releases.json (a new release when a locked cell changed since the last, numbered as
    /// <see cref="ReleaseHistory.Next"/> says); returns the path. Refuses (IOException) to overwrite a file that differs from it: a student may already be
    /// working in it.
    /// </summary>
    public static string Release(Assignment assignment, string releaseDir)
    {
        var path = Path.Combine(Path.GetFullPath(releaseDir), assignment.Name, assignment.Name + ".ipynb");
        var release = ReleaseHistory.Next(assignment);
        var text = Render(assignment, release);
        if (File.Exists(path) && File.ReadAllText(path) != text)
            throw new IOException($"{path} already exists and differs from the release: it may be a student's work. Move it away to release again.");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        ReleaseHistory.Record(assignment, release);
        return path;
    }
}
