using System.Text.Json.Nodes;
using Lectures.Grading.Format;
using Lectures.Grading.Release;
using Lectures.Grading.Samples;

namespace Lectures.Tests.Grading.Release;

public class ReleaseTests
{
    [Fact]
    public void TheStudentVersionHasStubsNoSolutionTextAndNoHiddenTest()
    {
        var scratch = new GradingScratch();
        var released = scratch.ReleasedJson;

        Assert.DoesNotContain(SyntheticAssignment.SquareSolution, released);
        Assert.DoesNotContain(SyntheticAssignment.SumToSolution, released);
        Assert.DoesNotContain("SOLUTION", released);
        Assert.DoesNotContain(SyntheticAssignment.HiddenMarker, released);
        // The hidden test is named, with its points, only in the metadata `lectures check` reads (issue 28).
        var root = JsonNode.Parse(released)!;
        Assert.DoesNotContain("hidden-sum", root["cells"]!.ToJsonString());
        Assert.Equal("""[{"id":"hidden-sum","points":3}]""", root["metadata"]!["grading"]!["check"]!["hidden"]!.ToJsonString());
        var cells = root["cells"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(new[] { "intro", StudentRelease.AllowedApisId, "given", "sol-square", "test-square", "sol-sum", "test-sum", "free" }, cells.Select(c => (string)c["id"]!));
        Assert.Equal(ApiPolicy.StudentParagraph, Source(cells[1]));
        Assert.Equal("markdown", (string)cells[1]["cell_type"]!);
        var square = cells.Single(c => (string)c["id"]! == "sol-square");
        Assert.Equal("static long Square(long x)\n{\n    // YOUR CODE HERE\n    throw new NotImplementedException();\n}", Source(square));
        foreach (var id in new[] { "intro", "given", "test-square", "test-sum" })
        {
            var meta = cells.Single(c => (string)c["id"]! == id)["metadata"]!;
            Assert.False((bool)meta["editable"]!);
            Assert.False((bool)meta["deletable"]!);
        }
        Assert.Null(square["metadata"]!["editable"]);
        Assert.Equal(2.0, (double)cells.Single(c => (string)c["id"]! == "test-square")["metadata"]!["grading"]!["points"]!);
    }

    [Fact]
    public void ReleaseRefusesToOverwriteADifferentFileButRepeatsHarmlessly()
    {
        var scratch = new GradingScratch();
        var releaseDir = Path.Combine(scratch.Root, "out", "release");
        var path = StudentRelease.Release(scratch.Assignment, releaseDir);
        Assert.Equal(path, StudentRelease.Release(scratch.Assignment, releaseDir));

        File.WriteAllText(path, scratch.Solved());
        var e = Assert.Throws<IOException>(() => StudentRelease.Release(scratch.Assignment, releaseDir));
        Assert.Contains("may be a student's work", e.Message);
        Assert.Equal(scratch.Solved(), File.ReadAllText(path));
    }

    [Theory]
    [InlineData("static int F()\n{\n    // BEGIN SOLUTION\n    return 1;\n}", "line 3: BEGIN SOLUTION is never closed")]
    [InlineData("static int F()\n{\n    return 1;\n    // END SOLUTION\n}", "line 4: END SOLUTION without a BEGIN SOLUTION")]
    [InlineData("static int F() => 1;", "has no '// BEGIN SOLUTION'")]
    [InlineData("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION", "line 2: BEGIN SOLUTION inside the region opened on line 1")]
    public void BadSolutionRegionsAreNamedWithCellAndLine(string source, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => SolutionRegions.Strip(source, "q1"));
        Assert.Contains("Cell 'q1'", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void ATestWithoutPointsIsRejectedWithItsCellId()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lectures-grading-tests", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "bad.ipynb");
        var json = JsonNode.Parse(SyntheticAssignment.InstructorJson())!;
        json["cells"]![3]!["metadata"]!["grading"]!.AsObject().Remove("points");
        File.WriteAllText(path, json.ToJsonString());

        var e = Assert.Throws<InvalidDataException>(() => Assignment.Load(path));
        Assert.Contains("cell 'test-square': a test needs grading.points > 0", e.Message);
    }

    [Fact]
    public void ChecksumsIgnoreLineEndingsAndTrailingSpaceButNotCode()
    {
        Assert.Equal(CellChecksum.Of("a;\nb;"), CellChecksum.Of("a;  \r\nb;\n\n"));
        Assert.Equal(CellChecksum.Of("a;"), CellChecksum.Of("#!csharp\na;"));
        Assert.NotEqual(CellChecksum.Of("a;\nb;"), CellChecksum.Of("a;\n b;"));
        Assert.Equal("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb", CellChecksum.Of("a"));
    }

    static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string)l!)),
        var s => (string)s!,
    };
}
