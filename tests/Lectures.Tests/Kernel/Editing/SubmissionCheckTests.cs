using Lectures.Kernel.Editing;

namespace Lectures.Tests.Kernel.Editing;

public class SubmissionCheckTests
{
    [Theory]
    [InlineData("1 + 1", "complete")]
    [InlineData("var x = 3;", "complete")]
    [InlineData("class A { }", "complete")]
    [InlineData("class A {", "incomplete")]
    [InlineData("var x = new[] { 1,", "incomplete")]
    [InlineData("var = = ;", "invalid")]
    public void StatusFollowsRoslynsCompleteSubmissionCheck(string code, string status) =>
        Assert.Equal(status, SubmissionCheck.Status(code));

    [Fact]
    public void CodePointsAndUtf16IndicesConvertBothWays()
    {
        const string text = "a😀b"; // the emoji is two UTF-16 units, one code point
        Assert.Equal(3, TextPosition.ToIndex(text, 2));
        Assert.Equal(2, TextPosition.ToCodePoints(text, 3));
        Assert.Equal(4, TextPosition.ToIndex(text, 99));
    }
}
