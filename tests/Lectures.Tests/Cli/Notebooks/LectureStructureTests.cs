using Lectures.Cli.Kit;
using Lectures.Cli.Notebooks;
using Lectures.Tests.Cli.Notebooks;

namespace Lectures.Tests.Cli.Notebooks;

/// <summary>The textbook shape of a lecture (objectives, summary, link onward, folded answers), on hand-made notebooks
/// and on every shipped lecture.</summary>
public sealed class LectureStructureTests : TemporaryDirectoryTest
{
    const string Objectives = "# 01 · First\n\n## What you will learn\n- one\n- two\n- three\n\nIntro with a list:\n- not an objective\n";
    const string Closing = "## Summary\n- a formula $x = 1$\n\n**Next:** [02 · Second](02-second.ipynb)\n\n## Exercises\n" +
                           "1. Predict it.\n\n   <details><summary>Answer</summary>\n\n   *(Answer: 42.)*\n\n   </details>\n";

    string[] Lectures(params (string Name, string Opening, string Closing)[] lectures)
    {
        foreach (var (name, opening, closing) in lectures)
            NotebookRunnerTests.Write(Path.Combine(Root, name), ("markdown", opening), ("code", "1 + 1"), ("markdown", closing));
        return lectures.Select(l => Path.Combine(Root, l.Name)).ToArray();
    }

    [Fact]
    public void ALectureWithEveryPartHasNoProblem()
    {
        var files = Lectures(("01-first.ipynb", Objectives, Closing),
            ("02-second.ipynb", Objectives.Replace("01", "02"), Closing.Replace("](02-second.ipynb)", "](01-first.ipynb)")));

        Assert.Empty(LectureStructure.Problems(files[0], files));
        Assert.Empty(LectureStructure.Problems(files[1], files)); // the last lecture links back to the first
    }

    [Fact]
    public void EachMissingPartIsNamed()
    {
        var files = Lectures(
            ("01-first.ipynb", "# 01 · First\n\n## What you will learn\n- one\n- two\n",
             "## Summary\nNo link here.\n\n## Further reading\n\n## Exercises\n1. Predict it. *(Answer: 42.)*\n   **Answer:** 43\n"),
            ("02-second.ipynb", "# 02 · Second\n", "## Exercises\n"));

        var first = LectureStructure.Problems(files[0], files);
        var second = LectureStructure.Problems(files[1], files);

        Assert.Equal(5, first.Count);
        Assert.Contains(first, p => p.Contains("has 2 bullets, expected 3 to 5"));
        Assert.Contains(first, p => p.Contains("\"Further reading\" after it"));
        Assert.Contains(first, p => p.Contains("](02-second.ipynb)"));
        Assert.Equal(2, first.Count(p => p.StartsWith("cell 2: an answer outside <details>")));
        Assert.Equal(new[] { "no \"What you will learn\" heading before the first code cell", "no \"## Summary\" heading" }, second);
    }

    [Fact]
    public void ObjectivesAfterTheFirstCodeCellDoNotCount()
    {
        NotebookRunnerTests.Write(Path.Combine(Root, "01-late.ipynb"), ("markdown", "# 01 · Late"), ("code", "1"),
            ("markdown", "## What you will learn\n- a\n- b\n- c"), ("markdown", Closing.Replace("02-second", "01-late")));

        var problems = LectureStructure.Problems(Path.Combine(Root, "01-late.ipynb"), [Path.Combine(Root, "01-late.ipynb")]);

        Assert.Equal(new[] { "no \"What you will learn\" heading before the first code cell" }, problems);
    }

    [Fact]
    public void TheLastLectureMaySayItIsTheLast()
    {
        var files = Lectures(("01-first.ipynb", Objectives, Closing),
            ("02-second.ipynb", Objectives, Closing.Replace("**Next:** [02 · Second](02-second.ipynb)", "This is the last lecture.")));

        Assert.Empty(LectureStructure.Problems(files[1], files));
        Assert.Throws<ArgumentException>(() => LectureStructure.Problems(files[1], [files[0]]));
    }

    public static TheoryData<string> ShippedLectures() =>
        new(KitRoot.Notebooks(KitRoot.Find(AppContext.BaseDirectory)).Select(Path.GetFileName).Select(n => n!));

    [Theory]
    [MemberData(nameof(ShippedLectures))]
    public void EveryLectureHasObjectivesSummaryLinkOnwardAndFoldedAnswers(string lecture)
    {
        var notebooks = KitRoot.Notebooks(KitRoot.Find(AppContext.BaseDirectory));

        var problems = LectureStructure.Problems(notebooks.Single(n => Path.GetFileName(n) == lecture), notebooks);

        Assert.True(problems.Count == 0, $"{lecture}:\n" + string.Join("\n", problems));
    }
}
