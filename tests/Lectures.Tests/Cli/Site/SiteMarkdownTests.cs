using Lectures.Cli.Site;
using Lectures.Tests.Cli.Notebooks;

namespace Lectures.Tests.Cli.Site;

/// <summary>What the lectures' markdown needs from the site: folded answers and links between lectures.</summary>
public sealed class SiteMarkdownTests : TemporaryDirectoryTest
{
    [Fact]
    public void AnAnswerStaysFoldedWithItsFormulaTypesetAndLectureLinksPointAtPages()
    {
        var executed = Path.Combine(Root, "notebooks");
        Directory.CreateDirectory(executed);
        NotebookRunnerTests.Write(Path.Combine(executed, "01-first.ipynb"), ("markdown",
            "# First\n\n**Next:** [02 · Second](02-second.ipynb), [its summary](./02-second.ipynb#summary), " +
            "[the data](https://example.org/a.ipynb)\n\n## Exercises\n1. Predict $V$.\n\n   <details><summary>Answer</summary>\n\n" +
            "   $V = 2p - 1$, *so* it is linear in $p$.\n\n   </details>\n"));

        SiteBuilder.Build(Directory.GetFiles(executed), Root);

        var page = File.ReadAllText(Path.Combine(Root, "01-first.html"));
        Assert.Contains("<details><summary>Answer</summary>\n<p><span class=\"math\">\\(V = 2p - 1\\)</span>, <em>so</em> it is linear in " +
                        "<span class=\"math\">\\(p\\)</span>.</p>\n</details>", page);
        Assert.DoesNotContain("<details open", page);
        Assert.Contains("<a href=\"02-second.html\">02 · Second</a>", page);
        Assert.Contains("<a href=\"02-second.html#summary\">its summary</a>", page);
        Assert.Contains("<a href=\"https://example.org/a.ipynb\">the data</a>", page);
    }
}
