namespace Lectures.Kernel.Display;

/// <summary>A piece of HTML to show as it is (what <see cref="NotebookFunctions.HTML"/> returns).</summary>
/// <param name="Html">The HTML source.</param>
public sealed record HtmlString(string Html)
{
    /// <summary>The HTML source.</summary>
    public override string ToString() => Html;
}
