namespace Lectures.Tests.Core;

/// <summary>Points.Check in a student's own kernel: a readable line per check, and the condition back.</summary>
public class PointsTests
{
    [Fact]
    public void A_check_reads_as_a_tick_or_a_cross_with_the_points_earned_of_its_points()
    {
        Assert.Equal("✓ 2/2 scores of the star", Points.Line(true, 2, "scores of the star"));
        Assert.Equal("✗ 0/0.5 WI at depth 2", Points.Line(false, 0.5, "WI at depth 2"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Points_that_are_not_positive_and_finite_are_refused_by_name(double points)
    {
        var error = Assert.Throws<ArgumentException>(() => Points.Check(true, points, "m"));
        Assert.Equal("points", error.ParamName);
    }

    [Fact]
    public void Outside_the_grader_a_check_prints_its_line_and_returns_its_condition()
    {
        var printed = new StringWriter();
        var console = Console.Out;
        Console.SetOut(printed);
        try
        {
            Assert.False(Points.Check(false, 1, "path order"));
            Assert.True(Points.Check(true, 1.5, "star order"));
        }
        finally
        {
            Console.SetOut(console);
        }
        Assert.Contains("✗ 0/1 path order" + Environment.NewLine + "✓ 1.5/1.5 star order" + Environment.NewLine, printed.ToString());
    }
}
