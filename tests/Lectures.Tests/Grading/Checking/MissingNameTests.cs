using Lectures.Grading.Format;
using Lectures.Grading.Release;
using Lectures.Grading.Samples;
using Lectures.Grading.Scoring;

namespace Lectures.Tests.Grading.Checking;

/// <summary>
/// Issue 28: a test that fails only because a cell which was not run declared the names it needs says which cell and
/// why, in place of a bare CS0103; and a correct notebook that uses Debug.Assert, Stopwatch and Console.Error earns every point.
/// </summary>
public class MissingNameTests
{
    static readonly GradingLimits Limits = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), 512, 1);

    static CellOutcome Outcome(CompiledNotebook compiled, string key) => compiled.Rejected.Single(o => o.Key == key);

    [Fact]
    public void ATestOfAForbiddenCellNamesTheCellAndTheApi()
    {
        var compiled = CellCompiler.Compile([
            new SourceCell("cell1", "static int[] Boundary(int n) { System.Diagnostics.Process.Start(\"sh\"); return new int[n]; }", false, Label: "sol-boundary"),
            new SourceCell("cell2", "if (Boundary(3).Length != 3) throw new Exception(\"three\");", true, "test-boundary", Label: "test-boundary"),
        ]);
        Assert.Equal(GradeStatus.ForbiddenApi, Outcome(compiled, "cell1").Status);
        var test = Outcome(compiled, "cell2");
        Assert.Equal(GradeStatus.CompileError, test.Status);
        Assert.Equal("Boundary is defined in cell sol-boundary, which was not run: it uses System.Diagnostics.Process.", test.Message);
    }

    [Fact]
    public void EachMissingNameIsNamedOnceAndACellThatDoesNotCompileToo()
    {
        var compiled = CellCompiler.Compile([
            new SourceCell("cell1", "static long Walks(int l) { System.IO.File.Delete(\"x\"); return l; }\nstatic long Twice(long x) => 2 * x;", false, Label: "sol-walks"),
            new SourceCell("cell2", "static long WalkIndex(int d) => d +;", false, Label: "sol-walk-index"),
            new SourceCell("cell3", "var a = Walks(1) + Walks(2) + Twice(3) + WalkIndex(4);", true, "test-walks"),
        ]);
        Assert.Equal(
            "Walks is defined in cell sol-walks, which was not run: it uses System.IO.File.\n" +
            "Twice is defined in cell sol-walks, which was not run: it uses System.IO.File.\n" +
            "WalkIndex is defined in cell sol-walk-index, which was not run: it does not compile.",
            Outcome(compiled, "cell3").Message);
    }

    [Fact]
    public void ANameDeclaredAgainByALaterCellIsNotMissingAndOtherErrorsKeepTheCompilersMessage()
    {
        var compiled = CellCompiler.Compile([
            new SourceCell("cell1", "static int F() { System.IO.File.Delete(\"x\"); return 1; }", false, Label: "sol-f"),
            new SourceCell("cell2", "static int F() => 2;", false, Label: "mine"),
            new SourceCell("cell3", "var a = F() + G();", true, "test-f"),
        ]);
        var test = Outcome(compiled, "cell3");
        Assert.StartsWith("(1,15): error CS0103: The name 'G' does not exist in the current context", test.Message);
    }

    [Fact]
    public void AGradedTestOfAForbiddenSolutionCellSaysWhy()
    {
        var scratch = new GradingScratch();
        var path = scratch.Submit("process", scratch.Solved(square: "System.Diagnostics.Process.Start(\"sh\"); return x * x;"));

        var grade = Grader.GradeOne(scratch.Assignment, new Submission("process", path), Limits);

        var row = grade.Rows.Single(r => r.Test == "test-square");
        Assert.Equal((0.0, GradeStatus.CompileError), (row.Points, row.Status));
        Assert.Equal("Square is defined in cell sol-square, which was not run: it uses System.Diagnostics.Process.", row.Message);
        Assert.Equal(GradeStatus.ForbiddenApi, grade.Rows.Single(r => r.Test == "cell:sol-square").Status);
    }

    [Fact]
    public void ACorrectWalkIndexUsingDebugStopwatchAndConsoleErrorEarnsTwelveOfTwelve()
    {
        var a = Assignment.Load(Assignment.NotebookPath(KitRoot.Find(AppContext.BaseDirectory), "walk-index"));
        var json = ReferenceSolution.Json(a);
        foreach (var cell in a.Cells.Where(c => c.Role == CellRole.Solution))
            json = SyntheticAssignment.Edit(json, cell.Id,
                "using System.Diagnostics;\nvar sw = Stopwatch.StartNew();\n" + cell.Source +
                $"\nDebug.Assert(sw.ElapsedTicks >= 0, $\"{{sw.Elapsed}}\");\nDebug.WriteLine(\"{cell.Id} done\");\nConsole.Error.WriteLine($\"{cell.Id}: {{sw.ElapsedMilliseconds}} ms\");");
        var path = Path.Combine(Path.GetTempPath(), "lectures-grading-tests", Guid.NewGuid().ToString("N")[..8], "debugging.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);

        var grade = Grader.GradeOne(a, new Submission("debugging", path), Limits);

        // Every test passes; Part C's written answer (2 points) waits for the instructor.
        Assert.All(grade.Rows.Where(r => r.Test != "reflect-answer"), r => Assert.True(r.Status == GradeStatus.Passed, $"{r.Test}: {r.Status} {r.Message}"));
        Assert.Equal((12.0, 14.0, 2.0), (grade.Points, grade.MaxPoints, grade.UngradedPoints));
    }
}
