using Lectures.Grading.Scoring;
using Lectures.Grading.Samples;

namespace Lectures.Tests.Grading.Scoring;

public class BulkGradingTests
{
    [Fact]
    public void AHundredMixedSubmissionsAreAllGradedWithTheExpectedTotals()
    {
        var s = new GradingScratch();
        var mixed = SyntheticAssignment.Mixed(s.ReleasedJson, 100);
        foreach (var (student, json, _) in mixed) s.Submit(student, json);
        var expected = mixed.ToDictionary(m => m.Student, m => m.Points);

        var grades = Grader.Grade(s.Assignment, Submissions.Find(s.Submissions, SyntheticAssignment.Name), GradingLimits.Default);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), grades.Select(g => g.Student));
        Assert.All(grades, g => Assert.Equal(expected[g.Student], g.Points));
        Assert.All(grades, g => Assert.Equal(new[] { "test-square", "test-sum", "hidden-sum" }, g.Rows.Select(r => r.Test)));
        Assert.Equal(20 * (6 + 2 + 4 + 0 + 4), grades.Sum(g => g.Points));
        Assert.Equal(1 + 300, GradeReport.Gradebook(grades).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
