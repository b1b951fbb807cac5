using System.Text.Json.Nodes;
using Lectures.Grading.Format;
using Lectures.Grading.Samples;
using Lectures.Tests.Grading.Manual;

namespace Lectures.Tests.Grading.Format;

/// <summary>The "manual" role: a written answer with points, never hidden, counted in the assignment's points.</summary>
public class ManualCellTests
{
    static string Write(Func<JsonObject, JsonObject> edit)
    {
        var dir = Path.Combine(Path.GetTempPath(), "lectures-grading-tests", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "manual.ipynb");
        var json = JsonNode.Parse(ManualScratch.WithManualCells(SyntheticAssignment.InstructorJson()))!.AsObject();
        File.WriteAllText(path, edit(json).ToJsonString());
        return path;
    }

    static JsonObject Essay(JsonObject notebook) =>
        notebook["cells"]!.AsArray().OfType<JsonObject>().Single(c => (string?)c["id"] == "essay")["metadata"]!["grading"]!.AsObject();

    [Fact]
    public void ManualCellsAreReadWithTheirPointsAndAddToTheTotal()
    {
        var a = Assignment.Load(Write(j => j));
        Assert.Equal([("essay", false, 2.0), ("sketch", true, 1.0)], a.ManualQuestions.Select(q => (q.Id, q.IsCode, q.Points)));
        Assert.Equal(SyntheticAssignment.MaxPoints + 3, a.MaxPoints);
        Assert.All(a.ManualQuestions, q => Assert.False(q.Locked));
    }

    [Theory]
    [InlineData("points", null, "cell 'essay': a manual cell needs grading.points > 0, got 0.")]
    [InlineData("hidden", true, "cell 'essay': only tests and manual cells have points, and only tests are hidden (role is Manual).")]
    [InlineData("role", "essay", "Cell 'essay': grading.role must be \"solution\", \"test\", \"readonly\" or \"manual\", got \"essay\".")]
    public void AManualCellWithoutPointsOrHiddenIsRejected(string key, object? value, string message)
    {
        var path = Write(j =>
        {
            var grading = Essay(j);
            grading.Remove(key);
            if (value is not null) grading[key] = JsonValue.Create(value);
            return j;
        });
        var e = Assert.Throws<InvalidDataException>(() => Assignment.Load(path));
        Assert.EndsWith(message, e.Message);
    }
}
