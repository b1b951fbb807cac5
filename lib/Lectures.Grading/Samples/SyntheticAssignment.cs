using System.Text.Json.Nodes;

namespace Lectures.Grading.Samples;

/// <summary>
/// A tiny self-contained assignment in plain C# (no kit calls) for the grader's tests and benchmark: a read-only
/// helper, two solution cells (Square, SumTo), two visible tests (2 and 1 points) and one hidden test (3 points).
/// Submissions are made from its notebook JSON by replacing, renaming or deleting cells.
/// </summary>
static class SyntheticAssignment
{
    public const string Name = "synthetic";
    public const double MaxPoints = 6;
    /// <summary>Text that appears only in the hidden test.</summary>
    public const string HiddenMarker = "HIDDEN-CHECK-7731";
    public const string SquareSolution = "return x * x;";
    public const string SumToSolution = "return (long)n * (n + 1) / 2;";

    public static string SquareCell(string body) => $"static long Square(long x)\n{{\n    {body}\n}}";
    public static string SumToCell(string body) => $"static long SumTo(int n)\n{{\n    {body}\n}}";

    /// <summary>The instructor notebook as nbformat 4 JSON.</summary>
    public static string InstructorJson() => Notebook(
        Cell("intro", "markdown", "# Synthetic assignment\nImplement `Square` and `SumTo`.", "readonly"),
        Cell("given", "code", "static long Twice(long x) => 2 * x;", "readonly"),
        Cell("sol-square", "code", SquareCell($"// BEGIN SOLUTION\n    {SquareSolution}\n    // END SOLUTION"), "solution"),
        Cell("test-square", "code", "if (Square(7) != 49) throw new Exception($\"Square(7) should be 49, got {Square(7)}.\");", "test", 2),
        Cell("sol-sum", "code", SumToCell($"// BEGIN SOLUTION\n    {SumToSolution}\n    // END SOLUTION"), "solution"),
        Cell("test-sum", "code", "if (SumTo(10) != 55) throw new Exception($\"SumTo(10) should be 55, got {SumTo(10)}.\");", "test", 1),
        Cell("hidden-sum", "code", $"// {HiddenMarker}\nif (SumTo(100000) != Twice(2500025000L)) throw new Exception($\"SumTo(100000) should be 5000050000, got {{SumTo(100000)}}.\");", "test", 3, hidden: true),
        Cell("free", "code", "Square(3) + SumTo(3)", null));

    /// <summary>Writes the instructor notebook to <paramref name="root"/>/assignments/synthetic/synthetic.ipynb; returns its path.</summary>
    public static string WriteInstructor(string root)
    {
        var path = Path.Combine(root, "assignments", Name, Name + ".ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, InstructorJson());
        return path;
    }

    /// <summary>The released notebook <paramref name="releasedJson"/> with both solutions written as the given method bodies.</summary>
    public static string Solved(string releasedJson, string square = SquareSolution, string sumTo = SumToSolution) =>
        Edit(Edit(releasedJson, "sol-square", SquareCell(square)), "sol-sum", SumToCell(sumTo));

    /// <summary>
    /// <paramref name="count"/> submissions cycling through five kinds (correct 6 points, SumTo wrong 2, Square a
    /// stub 4, invalid JSON 0, Square not compiling 4): student name, notebook text and expected points.
    /// </summary>
    public static IReadOnlyList<(string Student, string Json, double Points)> Mixed(string releasedJson, int count)
    {
        var kinds = new (string Kind, string Json, double Points)[]
        {
            ("correct", Solved(releasedJson), 6),
            ("sum-wrong", Solved(releasedJson, sumTo: "return n;"), 2),
            ("square-stub", Solved(releasedJson, square: "throw new NotImplementedException();"), 4),
            ("invalid-json", "{\"cells\": [", 0),
            ("square-does-not-compile", Solved(releasedJson, square: "return x *;"), 4),
        };
        return Enumerable.Range(0, count)
            .Select(i => kinds[i * 7 % kinds.Length] is var k ? ($"s{i:000}-{k.Kind}", k.Json, k.Points) : default)
            .ToList();
    }

    /// <summary>
    /// <paramref name="notebookJson"/> with the cell whose grade id is <paramref name="gradeId"/> given the source
    /// <paramref name="source"/> (null deletes the cell) and, when <paramref name="newId"/> is set, renamed.
    /// </summary>
    public static string Edit(string notebookJson, string gradeId, string? source, string? newId = null)
    {
        var root = JsonNode.Parse(notebookJson)!.AsObject();
        var cells = root["cells"]!.AsArray();
        var cell = cells.OfType<JsonObject>().Single(c => (string?)c["metadata"]?["grading"]?["grade_id"] == gradeId || (string?)c["id"] == gradeId);
        if (source is null) cells.Remove(cell);
        else cell["source"] = source;
        if (newId is not null)
        {
            cell["id"] = newId;
            if (cell["metadata"]?["grading"] is JsonObject grading) grading["grade_id"] = newId;
        }
        return root.ToJsonString();
    }

    static JsonObject Cell(string id, string kind, string source, string? role, double points = 0, bool hidden = false)
    {
        var metadata = new JsonObject();
        if (role is not null)
        {
            var grading = new JsonObject { ["grade_id"] = id, ["role"] = role };
            if (points > 0) grading["points"] = points;
            if (hidden) grading["hidden"] = true;
            metadata["grading"] = grading;
        }
        var cell = new JsonObject { ["cell_type"] = kind, ["id"] = id, ["metadata"] = metadata, ["source"] = source };
        if (kind == "code") { cell["execution_count"] = null; cell["outputs"] = new JsonArray(); }
        return cell;
    }

    static string Notebook(params JsonObject[] cells) => new JsonObject
    {
        ["cells"] = new JsonArray(cells),
        ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["language"] = "C#", ["display_name"] = ".NET (C#)" } },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    }.ToJsonString();
}
