using System.Text.Json.Nodes;
using Lectures.Grading.Format;
using Lectures.Grading.Release;
using Lectures.Grading.Samples;

namespace Lectures.Tests.Grading.Manual;

/// <summary>
/// The synthetic assignment released once as it is (release 1), then with two manual cells after test-sum
/// (release 2): "essay", Markdown, 2 points, and "sketch", code, 1 point; 6 + 3 = 9 points in all.
/// </summary>
public sealed class ManualScratch
{
    public const double MaxPoints = SyntheticAssignment.MaxPoints + 3;
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "lectures-grading-tests", Guid.NewGuid().ToString("N")[..8]);
    public Assignment Assignment { get; }
    public string FirstReleaseJson { get; }
    public string ReleasedJson { get; }
    public string Submissions => Path.Combine(Root, "submissions");

    public ManualScratch()
    {
        var path = SyntheticAssignment.WriteInstructor(Root);
        FirstReleaseJson = File.ReadAllText(StudentRelease.Release(Assignment.Load(path), Path.Combine(Root, "out", "release-1")));
        File.WriteAllText(path, WithManualCells(SyntheticAssignment.InstructorJson()));
        ReleasedJson = File.ReadAllText(StudentRelease.Release(Assignment.Load(path), Path.Combine(Root, "out", "release-2")));
        Assignment = Assignment.Load(path);   // with both releases recorded
        Directory.CreateDirectory(Submissions);
    }

    /// <summary>The instructor notebook <paramref name="json"/> with the manual cells "essay" and "sketch" after test-sum.</summary>
    public static string WithManualCells(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var cells = root["cells"]!.AsArray();
        var at = cells.Select((c, i) => (c, i)).Single(x => (string?)x.c!["id"] == "test-sum").i + 1;
        cells.Insert(at, Cell("sketch", "code", "// Sketch how you would test SumTo.", 1));
        cells.Insert(at, Cell("essay", "markdown", "*Why does SumTo(n) equal n(n + 1)/2?*", 2));
        return root.ToJsonString();
    }

    static JsonObject Cell(string id, string kind, string source, double points)
    {
        var cell = new JsonObject
        {
            ["cell_type"] = kind, ["id"] = id, ["source"] = source,
            ["metadata"] = new JsonObject { ["grading"] = new JsonObject { ["grade_id"] = id, ["role"] = "manual", ["points"] = points } },
        };
        if (kind == "code") { cell["execution_count"] = null; cell["outputs"] = new JsonArray(); }
        return cell;
    }

    /// <summary>Release 2, solved, with <paramref name="essay"/> and <paramref name="sketch"/> as the answers.</summary>
    public string Answered(string essay, string sketch) =>
        SyntheticAssignment.Edit(SyntheticAssignment.Edit(SyntheticAssignment.Solved(ReleasedJson), "essay", essay), "sketch", sketch);

    public string Submit(string student, string json)
    {
        var path = Path.Combine(Submissions, student + ".ipynb");
        File.WriteAllText(path, json);
        return path;
    }

    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }
}
