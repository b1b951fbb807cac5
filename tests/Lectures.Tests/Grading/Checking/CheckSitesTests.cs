using Lectures.Grading.Checking;
using Lectures.Grading.Scoring;

namespace Lectures.Tests.Grading.Checking;

/// <summary>Which Points.Check calls become a test cell's checks when the grader compiles it.</summary>
public class CheckSitesTests
{
    const string Given = "static int F(int x) => x + 1;";
    const string Test = """
        Lectures.Points.Check(F(1) == 2, 1, "F(1)");
        static bool Twice(bool b) => Lectures.Points.Check(Lectures.Points.Check(b, 1, "inner"), 2, "outer");
        Twice(F(2) == 3);
        Func<bool, double, string, bool> handle = Lectures.Points.Check;
        """;

    [Fact]
    public void Each_call_written_in_a_test_cell_gets_its_own_random_site_and_method_groups_none()
    {
        var first = CellCompiler.Compile([new SourceCell("given", Given, true), new SourceCell("t", Test, true, "t", Test: true)]);
        var again = CellCompiler.Compile([new SourceCell("given", Given, true), new SourceCell("t", Test, true, "t", Test: true)]);
        Assert.Empty(first.Rejected);
        var sites = first.Cells.Single(c => c.Key == "t").CheckSites!;
        Assert.Equal(3, sites.Count);   // the nested calls are two sites; the method group is not a call
        Assert.All(sites, s => Assert.Matches("^[0-9A-F]{32}$", s));
        Assert.Equal(3, sites.Distinct().Count());
        Assert.Empty(sites.Intersect(again.Cells.Single(c => c.Key == "t").CheckSites!));
        Assert.Null(first.Cells.Single(c => c.Key == "given").CheckSites);
    }

    [Fact]
    public void A_trusted_cell_that_is_not_a_test_and_a_test_without_calls_get_no_sites()
    {
        var compiled = CellCompiler.Compile([new SourceCell("given", Given + "\nLectures.Points.Check(true, 1, \"x\");", true), new SourceCell("t", "F(1);", true, "t", Test: true)]);
        Assert.All(compiled.Cells, c => Assert.Null(c.CheckSites));
    }

    [Fact]
    public void A_student_class_named_Lectures_that_would_take_the_calls_makes_the_test_shadows_api()
    {
        var instructor = new[] { new SourceCell("given", Given, true), new SourceCell("t", Test, true, "t", Test: true) };
        var contract = CellCompiler.Bindings(instructor)["t"];
        const string Fake = "class Lectures { public static class Points { public static bool Check(bool c, double p, string m) => true; } }";
        var compiled = CellCompiler.Compile([instructor[0], new SourceCell("s", Fake, false), instructor[1] with { Contract = contract }]);
        Assert.Equal(GradeStatus.ShadowsApi, Assert.Single(compiled.Rejected).Status);
    }

    [Fact]
    public void A_student_cell_may_not_call_the_checks()
    {
        var compiled = CellCompiler.Compile([new SourceCell("s", "static int G() { Lectures.Points.Check(true, 100, \"free\"); return 1; }", false)]);
        var refused = Assert.Single(compiled.Rejected);
        Assert.Equal(GradeStatus.ForbiddenApi, refused.Status);
        Assert.StartsWith("The cell uses Lectures.Points,", refused.Message);
    }
}
