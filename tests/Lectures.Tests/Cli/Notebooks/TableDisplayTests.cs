using Lectures.Cli.Notebooks;

namespace Lectures.Tests.Cli.Notebooks;

/// <summary>Both engines' kernels (the kit's kernel, and .NET Interactive with the kit's extension) show a <see cref="TableView"/> as an HTML table in a real kernel.</summary>
[Collection("Notebooks")]
public class TableDisplayTests(KitFixture kit)
{
    [Theory]
    [MemberData(nameof(NotebookRunnerTests.Engines), MemberType = typeof(NotebookRunnerTests))]
    public void ATableDisplaysAsHtmlWithNamedColumnsAndPercentagesAsText(NotebookEngine engine)
    {
        var dir = kit.Scratch("table");
        var nb = Path.Combine(dir, "97-table.ipynb");
        NotebookRunnerTests.Write(nb, ("code", "#r \"nuget: Lectures, *-*\""),
            ("code", "using Lectures;\nnew[] { new { depth = 3, bound = 1.0 / 3 }, new { depth = 4, bound = 1e-5 } }.ToTable(\"bounds\")"),
            ("code", "new Lectures.Percent(0.8732)"));
        var executed = Path.Combine(dir, "out.ipynb");

        var run = NotebookRunner.Run(nb, executed, TimeSpan.FromMinutes(4), engine);

        Assert.True(run.Passed, run.Failure?.ToString());
        var cells = NotebookDocument.Load(executed).Cells;
        var table = NotebookDocument.Outputs(cells[1]).Last()["data"]!;
        Assert.Equal(
            "<table class=\"lectures-table\"><caption>bounds</caption><thead><tr><th style=\"text-align:right\">depth</th>" +
            "<th style=\"text-align:right\">bound</th></tr></thead><tbody><tr><td style=\"text-align:right\">3</td>" +
            "<td style=\"text-align:right\">0.3333</td></tr><tr><td style=\"text-align:right\">4</td>" +
            "<td style=\"text-align:right\">1.00e-05</td></tr></tbody></table>",
            NotebookDocument.Text(table["text/html"]));
        var percent = NotebookDocument.Outputs(cells[2]).Last()["data"]!;
        Assert.Equal("87.3%", NotebookDocument.Text(percent["text/plain"] ?? percent["text/html"]));
    }
}
