using System.Text.Json.Nodes;
using Lectures.Cli.Kit;
using Lectures.Cli.Notebooks;
using Lectures.Tests.Cli.Notebooks;

namespace Lectures.Tests.Cli.Notebooks;

/// <summary>Numbers in a lecture's prose against its outputs, the files it names and its allow-list, on hand-made notebooks.</summary>
public sealed class NumberBackingTests : TemporaryDirectoryTest
{
    /// <summary>Writes the source notebook (one markdown cell, one code cell) and an executed copy whose code cell shows
    /// <paramref name="output"/> as text/plain and <paramref name="html"/> as text/html; returns both paths.</summary>
    (string Source, string Executed) Lecture(string markdown, string output, string html = "")
    {
        var source = Path.Combine(Root, "notebooks", "03-test.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        NotebookRunnerTests.Write(source, ("markdown", markdown), ("code", "Show()"));
        var executed = JsonNode.Parse(File.ReadAllText(source))!;
        executed["cells"]![1]!["outputs"] = new JsonArray(new JsonObject
        {
            ["output_type"] = "display_data", ["metadata"] = new JsonObject(),
            ["data"] = new JsonObject { ["text/plain"] = output, ["text/html"] = html },
        });
        var executedPath = Path.Combine(Root, "executed.ipynb");
        File.WriteAllText(executedPath, executed.ToJsonString());
        return (source, executedPath);
    }

    IReadOnlyList<string> Unbacked(string markdown, string output, string html = "")
    {
        var (source, executed) = Lecture(markdown, output, html);
        return NumberBacking.Unbacked(source, executed, Root).Select(n => n.Text + (n.Percent ? "%" : "")).ToList();
    }

    [Theory]
    [InlineData("accuracy 0.74", "0.740")]
    [InlineData("accuracy 0.74", "0.7412")]
    [InlineData("accuracy 0.74", "-0.744")]
    [InlineData("a plateau at 50", "49.6")]
    [InlineData("85.7% of the vertices", "0.8571")]
    [InlineData("85.7% of the vertices", "85.70 %")]
    [InlineData("chance (51–53%)", "0.512 and 0.53")]
    [InlineData("$2^{8 + 5} = 8192$ and 50,000 edges", "8192, 50000, 8, 5, 2")]
    [InlineData("5,278 citations", "5278")]
    [InlineData("a gradient of $6.7 \\cdot 10^{-4}$", "dV/dz = 6.70E-004")]
    [InlineData("an error about 3·10⁻⁷", "3.2e-07")]
    [InlineData("tolerance $10^{-10}$", "1e-10")]
    public void APrintedNumberBacksTheProseNumberItRoundsTo(string prose, string output) =>
        Assert.Empty(Unbacked(prose, output));

    [Theory]
    [InlineData("accuracy 0.74", "0.7", "0.74")]
    [InlineData("accuracy 0.74", "0.75", "0.74")]
    [InlineData("a plateau at 50", "51", "50")]
    [InlineData("85.7% of the vertices", "0.86", "85.7%")]
    [InlineData("an error about 3·10⁻⁷", "3e-08", "3·10^-7")]
    public void ANumberThatDoesNotRoundToItIsReported(string prose, string output, string reported) =>
        Assert.Equal(new[] { reported }, Unbacked(prose, output));

    [Fact]
    public void NamesCodeLinksAndLectureNumbersAreNotNumbers() =>
        Assert.Empty(Unbacked("1-WIS and 2-WIS on T5-base with ResNet18, $x_0$, length-2 walks, lecture 05, `seed: 12`, " +
                              "[a link](https://example.org/7) and\n\n```\nvar n = 99;\n```\n\n1. a list item", ""));

    [Fact]
    public void AChartsDataIsNotPrinted() =>
        Assert.Equal(new[] { "0.42" }, Unbacked("the peak is 0.42", "", "<div>chart</div><script>var data = [0.42];</script>"));

    [Fact]
    public void AnHtmlTableIsPrinted() =>
        Assert.Empty(Unbacked("the median is 177", "", "<table><tr><td>median</td><td>177</td></tr></table>"));

    [Fact]
    public void AFileTheLectureNamesBacksItsNumbers()
    {
        Directory.CreateDirectory(Path.Combine(Root, "benchmarks", "results"));
        File.WriteAllText(Path.Combine(Root, "benchmarks", "results", "runs.csv"), "method,accuracy\n1-WIS,0.8834\n");

        Assert.Empty(Unbacked("In `benchmarks/results/runs.csv`, 1-WIS reaches 88.3%.", ""));
        Assert.Equal(new[] { "88.3%" }, Unbacked("1-WIS reaches 88.3% (file not named).", ""));
    }

    [Fact]
    public void TheAllowListExemptsItsNumbersOnlyForItsLecture()
    {
        Directory.CreateDirectory(Path.Combine(Root, "notebooks"));
        File.WriteAllText(Path.Combine(Root, NumberAllowList.RelativePath),
            """{"03": [{"number": "2017", "reason": "citation year"}], "04": [{"number": "7", "reason": "a seed"}]}""");

        Assert.Equal(new[] { "7" }, Unbacked("Cohen & Shashua 2017; seed 7.", ""));
    }

    [Theory]
    [InlineData("""{"03": [{"number": "7"}]}""", "entry 0 (number 7) has no \"reason\"")]
    [InlineData("""{"03": [{"reason": "why"}]}""", "entry 0 has no \"number\"")]
    [InlineData("""{"03": [{"number": "7", "reason": "a"}, {"number": "7", "reason": "b"}]}""", "lists the number 7 twice")]
    [InlineData("""{"03": {"number": "7"}}""", "must map to an array")]
    [InlineData("""[1, 2]""", "must hold an object keyed by lecture number")]
    [InlineData("""{"03": [""", "is not valid JSON")]
    public void ABadAllowListIsRejectedWithItsEntryNamed(string json, string message)
    {
        Directory.CreateDirectory(Path.Combine(Root, "notebooks"));
        File.WriteAllText(Path.Combine(Root, NumberAllowList.RelativePath), json);

        Assert.Contains(message, Assert.Throws<InvalidDataException>(() => NumberAllowList.Load(Root)).Message);
    }

    [Fact]
    public void UnbackedNumbersNameTheirCellAndContext()
    {
        var (source, executed) = Lecture("The rank settles at 121 here.", "50");

        var unbacked = Assert.Single(NumberBacking.Unbacked(source, executed, Root));

        Assert.Equal(0, unbacked.Cell);
        Assert.Equal("cell 0: 121 (\"The rank settles at 121 here.\")", unbacked.ToString());
    }

    public static TheoryData<string> ShippedLectures() =>
        new(KitRoot.Notebooks(KitRoot.Find(AppContext.BaseDirectory)).Select(Path.GetFileName).Select(n => n!));

    [Theory]
    [MemberData(nameof(ShippedLectures))]
    public void EveryAllowedNumberOccursInItsLecture(string lecture)
    {
        var root = KitRoot.Find(AppContext.BaseDirectory);
        var written = ProseNumber.In(NotebookDocument.Load(Path.Combine(root, "notebooks", lecture))).Select(n => n.Text).ToHashSet();

        var stale = NumberAllowList.Load(root).For(lecture).Where(a => !written.Contains(a.Number)).Select(a => a.Number);

        Assert.True(!stale.Any(), $"{lecture}: allowed numbers that its prose no longer writes: {string.Join(", ", stale)}");
    }
}
