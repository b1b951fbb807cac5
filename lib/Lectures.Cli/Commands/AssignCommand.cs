using Lectures.Grading.Format;
using Lectures.Grading.Release;

namespace Lectures.Cli.Commands;

/// <summary>
/// <c>lectures assign release NAME [--out DIR]</c>: writes the student version of assignments/NAME/NAME.ipynb to
/// out/release/NAME/, and records the release in assignments/NAME/releases.json (commit it with the notebook).
/// </summary>
public static class AssignCommand
{
    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(Options options)
    {
        options.RejectUnknown("--out");
        if (options.Positional is not ["release", var name])
            throw new ArgumentException("Usage: lectures assign release NAME [--out DIR] (NAME is a folder under assignments/).");
        var root = KitRoot.Find();
        var assignment = Assignment.Load(ExistingAssignment(root, name));
        var release = ReleaseHistory.Next(assignment);
        var path = StudentRelease.Release(assignment, options.Get("--out") ?? Path.Combine(root, "out", "release"));
        var hidden = assignment.Tests.Count(t => t.Hidden);
        var recorded = release.Number > assignment.Releases.Count ? "new, recorded in" : "unchanged, as in";
        Console.WriteLine($"Released {assignment.Name} (release {release.Number}, {recorded} {Path.GetRelativePath(Directory.GetCurrentDirectory(), ReleaseHistory.PathOf(assignment.Path))}): {Path.GetRelativePath(Directory.GetCurrentDirectory(), path)}");
        Console.WriteLine($"  {assignment.Tests.Count - hidden} visible and {hidden} hidden tests, {assignment.MaxPoints:0.##} points; solutions replaced by stubs, hidden tests left out.");
        return 0;
    }

    /// <summary>The instructor notebook of <paramref name="name"/>; throws naming the assignments that exist when it is not there.</summary>
    public static string ExistingAssignment(string root, string name)
    {
        var path = Assignment.NotebookPath(root, name);
        if (File.Exists(path)) return path;
        var folder = Path.Combine(root, "assignments");
        var known = Directory.Exists(folder) ? Directory.GetDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal) : Enumerable.Empty<string?>();
        throw new ArgumentException($"No assignment '{name}': expected {path}. Assignments: {string.Join(", ", known)}.");
    }
}
