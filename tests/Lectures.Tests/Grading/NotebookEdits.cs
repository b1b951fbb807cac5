using System.Text.Json.Nodes;

namespace Lectures.Tests.Grading;

/// <summary>Edits of notebook JSON that a student can make and SyntheticAssignment.Edit does not: new cells, removed metadata.</summary>
static class NotebookEdits
{
    /// <summary><paramref name="json"/> with a new code cell holding <paramref name="source"/> before the cell <paramref name="beforeId"/>, with grade id <paramref name="gradeId"/> when given.</summary>
    public static string Insert(string json, string beforeId, string source, string? gradeId = null)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var cells = root["cells"]!.AsArray();
        var at = cells.Select((c, i) => (c, i)).Single(x => (string?)x.c!["id"] == beforeId).i;
        var metadata = new JsonObject();
        if (gradeId is not null) metadata["grading"] = new JsonObject { ["grade_id"] = gradeId };
        cells.Insert(at, new JsonObject
        {
            ["cell_type"] = "code", ["id"] = $"mine-{at}-{cells.Count}", ["metadata"] = metadata, ["source"] = source,
            ["execution_count"] = null, ["outputs"] = new JsonArray(),
        });
        return root.ToJsonString();
    }

    /// <summary><paramref name="json"/> without the release its metadata names, as a copy handed out before releases were numbered.</summary>
    public static string WithoutRelease(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root["metadata"]!.AsObject().Remove("grading");
        return root.ToJsonString();
    }
}
