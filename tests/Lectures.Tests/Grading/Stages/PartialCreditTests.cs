using Lectures.Grading.Format;
using Lectures.Grading.Release;
using Lectures.Grading.Samples;
using Lectures.Grading.Scoring;
using Lectures.Grading.Stages;

namespace Lectures.Tests.Grading.Stages;

/// <summary>
/// The synthetic assignment with partial credit: test-square (2 points) has two checks of 1 point, test-sum (1) stays
/// all-or-nothing, hidden-sum (3) has checks of 2 + 1 + 1 (one in a loop over n = 0, 1, 2), so it caps at 3.
/// Honest submissions are graded as released; the hostile ones once with the allow-list and once without it, as if
/// the allow-list had a hole, so that only the runner's own recording stands in their way.
/// </summary>
public sealed class PartialCreditFixture
{
    public const string SquareTest = """
        var seven = Square(7);
        Lectures.Points.Check(seven == 49, 1, $"Square(7) = {seven}, expected 49.");
        var minus = Square(-3);
        Lectures.Points.Check(minus == 9, 1, $"Square(-3) = {minus}, expected 9.");
        """;

    public const string HiddenTest = $"""
        // {SyntheticAssignment.HiddenMarker}
        Lectures.Points.Check(SumTo(100000) == Twice(2500025000L), 2, "SumTo(100000) = 5000050000");
        foreach (var n in new[] {"{"} 0, 1, 2 {"}"})
            Lectures.Points.Check(SumTo(n) == n * (n + 1) / 2, 1, $"SumTo({"{"}n{"}"}) = {"{"}SumTo(n){"}"}");
        Lectures.Points.Check(SumTo(3) == 6, 1, "SumTo(3) = 6");
        """;

    /// <summary>Every way a submission might earn a check it did not pass; with the allow-list these cells are refused.</summary>
    public const string Cheats = """
        Lectures.Points.Check(true, 100, "direct");
        Func<bool, double, string, bool> viaDelegate = Lectures.Points.Check;
        viaDelegate(true, 100, "delegate");
        typeof(Lectures.Points).GetMethod("Check")!.Invoke(null, new object[] { true, 100.0, "reflection" });
        Lectures.Grading.Worker.TestChecks.Record("00000000000000000000000000000000", true, 100, "a guessed site");
        """;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "lectures-grading-tests", Guid.NewGuid().ToString("N")[..8]);
    public Assignment Assignment { get; }
    public IReadOnlyDictionary<string, StudentGrade> Honest { get; }
    public IReadOnlyDictionary<string, StudentGrade> WithAllowList { get; }
    public IReadOnlyDictionary<string, StudentGrade> WithoutAllowList { get; }
    /// <summary>A submission whose markdown and code carry markup that runs script when pasted into a page raw.</summary>
    public IReadOnlyDictionary<string, StudentGrade> Hostile { get; }

    public const string Markup = "<img src=x onerror=\"document.title='ran-onerror'\"></script><script>document.title='ran-script'</script>";

    public PartialCreditFixture()
    {
        var instructor = SyntheticAssignment.Edit(SyntheticAssignment.Edit(SyntheticAssignment.InstructorJson(), "test-square", SquareTest), "hidden-sum", HiddenTest);
        var path = Path.Combine(Root, "assignments", SyntheticAssignment.Name, SyntheticAssignment.Name + ".ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, instructor);
        Assignment = Assignment.Load(path);
        var released = File.ReadAllText(StudentRelease.Release(Assignment, Path.Combine(Root, "release")));
        string Solved(string square = SyntheticAssignment.SquareSolution, string sumTo = SyntheticAssignment.SumToSolution) =>
            SyntheticAssignment.Solved(released, square, sumTo);

        Honest = Grade("honest", Grader.Stages,
            ("correct", Solved()),
            ("negative-wrong", Solved(square: "return x < 0 ? 0 : x * x;")),
            ("negative-throws", Solved(square: "if (x < 0) throw new ArgumentException(\"negative\"); return x * x;")),
            ("one-wrong", Solved(sumTo: "return n == 1 ? 0 : (long)n * (n + 1) / 2;")),
            ("big-wrong", Solved(sumTo: "return n > 1000 ? 0 : (long)n * (n + 1) / 2;")));
        var cheating = Solved(square: Cheats.Replace("\n", "\n    ") + "return x < 0 ? 0 : x * x;");
        var hostile = new[] { ("cheat", NotebookEdits.Insert(cheating, beforeId: "test-sum", Cheats)) };
        WithAllowList = Grade("allow-list", Grader.Stages, hostile);
        WithoutAllowList = Grade("no-allow-list", Grader.Stages.Where(s => s.Name != "allow-list").ToList(), hostile);
        var markup = SyntheticAssignment.Edit(Solved(square: $"// {Markup}\n    throw new Exception(\"{Markup.Replace("\"", "\\\"")}\");"), "intro", $"# Mine {Markup}");
        Hostile = Grade("markup", Grader.Stages, ("mallory", NotebookEdits.Insert(markup, beforeId: "test-sum", $"// {Markup}\nthrow new Exception(\"{Markup.Replace("\"", "\\\"")}\");")));
    }

    IReadOnlyDictionary<string, StudentGrade> Grade(string folder, IReadOnlyList<IGradingStage> stages, params (string Student, string Json)[] submissions)
    {
        var dir = Directory.CreateDirectory(Path.Combine(Root, folder)).FullName;
        foreach (var (student, json) in submissions) File.WriteAllText(Path.Combine(dir, student + ".ipynb"), json);
        return Grader.Grade(Assignment, Submissions.Find(dir, SyntheticAssignment.Name), GradingLimits.Default, stages: stages).ToDictionary(g => g.Student);
    }
}

/// <summary>The partial-credit submissions are graded once for the tests of the checks and of the feedback page.</summary>
[CollectionDefinition(Name)]
public sealed class PartialCreditCollection : ICollectionFixture<PartialCreditFixture>
{
    public const string Name = "partial-credit";
}

[Collection(PartialCreditCollection.Name)]
public class PartialCreditTests(PartialCreditFixture fixture)
{
    static GradeRow Row(StudentGrade grade, string test) => grade.Rows.Single(r => r.Test == test);

    static IEnumerable<(int, double, bool, string)> Checks(GradeRow row) => row.Checks!.Select(c => (c.Number, c.Points, c.Passed, c.Message));

    [SkippableFact]
    public void A_test_cell_earns_the_points_of_the_checks_that_held()
    {
        Sandbox.SandboxRequirement.SkipWhenUnavailable();
        var wrong = Row(fixture.Honest["negative-wrong"], "test-square");
        Assert.Equal((1.0, 2.0, GradeStatus.Failed), (wrong.Points, wrong.MaxPoints, wrong.Status));
        Assert.Equal([(1, 1.0, true, "Square(7) = 49, expected 49."), (2, 1.0, false, "Square(-3) = 0, expected 9.")], Checks(wrong));
        var right = Row(fixture.Honest["correct"], "test-square");
        Assert.Equal((2.0, GradeStatus.Passed), (right.Points, right.Status));
        Assert.Equal(6, fixture.Honest["correct"].Points);
        Assert.Equal(1 + 1 + 3, fixture.Honest["negative-wrong"].Points);
    }

    [SkippableFact]
    public void A_cell_without_checks_stays_all_or_nothing()
    {
        Sandbox.SandboxRequirement.SkipWhenUnavailable();
        var sum = Row(fixture.Honest["correct"], "test-sum");
        Assert.Equal((1.0, GradeStatus.Passed), (sum.Points, sum.Status));
        Assert.Null(sum.Checks);
    }

    [SkippableFact]
    public void Checks_of_2_plus_1_plus_1_on_a_3_point_cell_cap_at_3()
    {
        Sandbox.SandboxRequirement.SkipWhenUnavailable();
        var all = Row(fixture.Honest["correct"], "hidden-sum");
        Assert.Equal((3.0, 3.0, GradeStatus.Passed), (all.Points, all.MaxPoints, all.Status));
        Assert.Equal(4, all.Checks!.Sum(c => c.Earned));
        // The 2-point check fails: 1 + 1 of 3.
        var big = Row(fixture.Honest["big-wrong"], "hidden-sum");
        Assert.Equal((2.0, GradeStatus.Failed), (big.Points, big.Status));
        Assert.Equal([(1, 2.0, false), (2, 1.0, true), (3, 1.0, true)], big.Checks!.Select(c => (c.Number, c.Points, c.Passed)));
    }

    [SkippableFact]
    public void A_check_in_a_loop_is_one_check_that_holds_only_when_every_call_held()
    {
        Sandbox.SandboxRequirement.SkipWhenUnavailable();
        var row = Row(fixture.Honest["one-wrong"], "hidden-sum");
        // SumTo(1) = 0 fails the loop's check (n = 0 and 2 hold): 2 + 0 + 1 = 3, the cell's points, yet not passed.
        Assert.Equal([(1, 2.0, true, "SumTo(100000) = 5000050000"), (2, 1.0, false, "SumTo(1) = 0"), (3, 1.0, true, "SumTo(3) = 6")], Checks(row));
        Assert.Equal((3.0, GradeStatus.Failed), (row.Points, row.Status));
    }

    [SkippableFact]
    public void The_checks_that_held_before_an_exception_keep_their_points()
    {
        Sandbox.SandboxRequirement.SkipWhenUnavailable();
        var row = Row(fixture.Honest["negative-throws"], "test-square");
        Assert.Equal((1.0, GradeStatus.Failed, "ArgumentException: negative"), (row.Points, row.Status, row.Message));
        Assert.Equal([(1, 1.0, true, "Square(7) = 49, expected 49.")], Checks(row));
    }

    [SkippableFact]
    public void The_gradebook_lists_each_check_under_its_test_without_adding_points()
    {
        Sandbox.SandboxRequirement.SkipWhenUnavailable();
        var grade = fixture.Honest["negative-wrong"];
        var lines = GradeReport.Gradebook([grade]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["negative-wrong,test-square,1,2,failed", "negative-wrong,test-square/1,,,passed", "negative-wrong,test-square/2,,,failed",
             "negative-wrong,test-sum,1,1,passed", "negative-wrong,hidden-sum,3,3,passed", "negative-wrong,hidden-sum/1,,,passed",
             "negative-wrong,hidden-sum/2,,,passed", "negative-wrong,hidden-sum/3,,,passed"],
            lines.Skip(1));
        Assert.Equal(grade.Points, lines.Skip(1).Select(l => l.Split(',')[2]).Where(p => p != "").Sum(double.Parse));
        var feedback = GradeReport.Feedback(SyntheticAssignment.Name, grade);
        Assert.Contains("| test-square/2 | ✗ 0/1 Square(-3) = 0, expected 9. | |", feedback);
        Assert.Contains("### test-square (failed)\n\n```\n✗ 0/1 Square(-3) = 0, expected 9.\n```", feedback);
    }

    [SkippableFact]
    public void The_allow_list_refuses_a_student_cell_that_calls_the_checks()
    {
        Sandbox.SandboxRequirement.SkipWhenUnavailable();
        var grade = fixture.WithAllowList["cheat"];
        Assert.Equal(GradeStatus.ForbiddenApi, Row(grade, "cell:sol-square").Status);
        Assert.StartsWith("The cell uses Lectures.Points,", Row(grade, "cell:sol-square").Message);
        Assert.Single(grade.Rows, r => r.Status == GradeStatus.ForbiddenApi && r.Test != "cell:sol-square");   // the inserted cell
        Assert.Equal(0, Row(grade, "test-square").Points);   // Square was refused, so the test does not compile
        Assert.Equal(1 + 3, grade.Points);
    }

    [SkippableFact]
    public void Past_the_allow_list_direct_delegate_reflective_and_forged_calls_earn_nothing_and_are_flagged()
    {
        Sandbox.SandboxRequirement.SkipWhenUnavailable();
        var grade = fixture.WithoutAllowList["cheat"];
        var square = Row(grade, "test-square");
        Assert.Equal((1.0, GradeStatus.Failed), (square.Points, square.Status));
        Assert.Equal([(1, 1.0, true), (2, 1.0, false)], square.Checks!.Select(c => (c.Number, c.Points, c.Passed)));
        Assert.Equal(1 + 1 + 3, grade.Points);
        // Square runs its four cheats twice in test-square and once in the free cell; the inserted cell runs them once.
        var strays = grade.Rows.Where(r => r.Status == GradeStatus.StrayCheck).ToDictionary(r => r.Test, r => r.Message);
        Assert.Equal(3, strays.Count);
        Assert.StartsWith("Points.Check was called 8 time(s)", strays["cell:test-square"]);
        Assert.StartsWith("Points.Check was called 4 time(s)", strays["cell:free"]);
        Assert.Single(strays, s => s.Key.StartsWith("cell:mine-", StringComparison.Ordinal) && s.Value.StartsWith("Points.Check was called 4 time(s)"));
        Assert.All(grade.Rows.Where(r => r.Status == GradeStatus.StrayCheck), r => Assert.Equal((0.0, 0.0), (r.Points, r.MaxPoints)));
    }
}
