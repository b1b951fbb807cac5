using System.CommandLine;
using Lectures.Grading.Format;
using Lectures.Grading.Release;

namespace Lectures.Cli.Commands;

/// <summary>
/// <c>lectures assign release NAME [--out DIR]</c>: writes the student version of assignments/NAME/NAME.ipynb to
/// out/release/NAME/, and records the release in assignments/NAME/releases.json (commit it with the notebook).
/// </summary>
public sealed class AssignCommand : CommandGroup
{
    const string Usage = "Usage: lectures assign release NAME [--out DIR] (NAME is a folder under assignments/).";

    readonly Argument<string> name = new("NAME") { Description = "the assignment: a folder under assignments/" };
    readonly Option<string> output = new("--out") { Description = "where the release goes (default out/release)", HelpName = "DIR" };

    /// <summary>What one `lectures assign release` line asks for: the assignment and the output folder (null: out/release).</summary>
    public sealed record Settings(string Name, string? Out);

    /// <summary>The `assign` command with its one subcommand, `release NAME [--out DIR]`.</summary>
    public AssignCommand() : base("assign", "hand out an assignment")
    {
        Unknown = _ => Usage;
        var release = new Command("release", "write the student version of assignments/NAME/ to out/release/NAME/") { name, output };
        release.SetAction(result => Run(Read(result)));
        Subcommands.Add(release);
    }

    /// <summary>The settings of a parsed `assign release` line.</summary>
    public Settings Read(ParseResult result) => new(result.GetValue(name)!, result.GetValue(output));

    /// <summary>Releases the assignment of <paramref name="settings"/>; returns the process exit code.</summary>
    public static int Run(Settings settings)
    {
        var root = KitRoot.Find();
        var assignment = Assignment.Load(ExistingAssignment(root, settings.Name));
        var release = ReleaseHistory.Next(assignment);
        var path = StudentRelease.Release(assignment, settings.Out ?? Path.Combine(root, "out", "release"));
        var hidden = assignment.Tests.Count(t => t.Hidden);
        var recorded = release.Number > assignment.Releases.Count ? "new, recorded in" : "unchanged, as in";
        Console.WriteLine($"Released {assignment.Name} (release {release.Number}, {recorded} {Path.GetRelativePath(Directory.GetCurrentDirectory(), ReleaseHistory.PathOf(assignment.Path))}): {Path.GetRelativePath(Directory.GetCurrentDirectory(), path)}");
        var manual = assignment.ManualQuestions.Count is var n and > 0 ? $", {n} answer{(n == 1 ? "" : "s")} graded by hand" : "";
        Console.WriteLine($"  {assignment.Tests.Count - hidden} visible and {hidden} hidden tests{manual}, {assignment.MaxPoints:0.##} points; solutions replaced by stubs, hidden tests left out.");
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
