using System.Text.RegularExpressions;
using Lectures.Cli.Kit;
using Lectures.Cli.Notebooks;
using Lectures.Cli.Site;

namespace Lectures.Tests.Notebooks;

[Collection("Notebooks")]
public class SiteTests(KitFixture kit)
{
    [Fact]
    public void TheSiteListsTheLecturesInOrderAndServesPlotlyItself()
    {
        var dir = kit.Scratch("site");
        var executed = Path.Combine(dir, "notebooks");
        Directory.CreateDirectory(executed);
        foreach (var (name, title) in new[] { ("02-second", "Second lecture"), ("01-first", "First lecture") })
            File.WriteAllText(Path.Combine(executed, name + ".ipynb"), $$$"""
                {"cells": [
                  {"cell_type": "markdown", "id": "a", "metadata": {}, "source": ["# {{{title}}}\n", "Some *emphasis*, walks to {t}, sep <= D^(4 WI + 1) and D^2, and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |"]},
                  {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": 1, "source": "1 < 2",
                   "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"text/plain": ["True"]}}]}
                 ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """);

        var pages = SiteBuilder.Build(Directory.GetFiles(executed), dir);

        Assert.Equal(new[] { "First lecture", "Second lecture" }, pages.Select(p => p.Title));
        var index = File.ReadAllText(Path.Combine(dir, "index.html"));
        Assert.True(index.IndexOf("01-first.html", StringComparison.Ordinal) < index.IndexOf("02-second.html", StringComparison.Ordinal));
        var page = File.ReadAllText(Path.Combine(dir, "01-first.html"));
        Assert.Contains("<h1 id=\"first-lecture\">First lecture</h1>", page);
        Assert.Contains("<em>emphasis</em>", page);
        Assert.Contains("walks to {t}, sep &lt;= D^(4 WI + 1) and D^2", page);
        Assert.Contains("<table>", page);
        Assert.Contains("1 &lt; 2", page);
        Assert.Contains("<pre>True</pre>", page);
        Assert.Contains("<script src=\"plotly.min.js\"></script>", page);
        Assert.DoesNotContain("cdn.plot.ly", page);
        Assert.True(new FileInfo(Path.Combine(dir, SiteBuilder.PlotlyFile)).Length > 1_000_000, "plotly.js is served from the site folder");
    }

    [SkippableFact]
    public void WelcomeChartsDrawInHeadlessChromiumWithTheNetworkBlocked()
    {
        Skip.IfNot(Shell.OnPath("chromium"), "chromium is not installed (CI installs it: apt-get install chromium)");
        var dir = kit.Scratch("chromium");
        var run = NotebookRunner.Run(Path.Combine(kit.Root, "notebooks", "00-welcome.ipynb"),
            Path.Combine(dir, "notebooks", "00-welcome.ipynb"), TimeSpan.FromMinutes(5));
        Assert.True(run.Passed, run.Failure?.ToString());
        SiteBuilder.Build(new[] { run.ExecutedPath! }, dir);

        var dom = Shell.Run("chromium", new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + Path.Combine(dir, "profile"),
            "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=8000", "--dump-dom",
            "file://" + Path.Combine(dir, "00-welcome.html"),
        }, dir, TimeSpan.FromMinutes(2)).Output;

        var charts = Regex.Matches(dom, "<div id=\"([^\"]+)\" class=\"lectures-chart[^>]*>(.*?)</div>\\s*<script", RegexOptions.Singleline);
        Assert.Equal(2, charts.Count);
        Assert.All(charts, c => Assert.Contains("class=\"main-svg\"", c.Groups[2].Value));
    }

    [SkippableFact]
    public void WelcomeRunsInJupyterWithTheDotnetKernel()
    {
        Skip.IfNot(Shell.OnPath("jupyter"), "Jupyter is not installed (CI installs it: apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client)");
        Setup.RegisterJupyterKernel(kit.Root, _ => { });
        var dir = kit.Scratch("jupyter");
        var result = Shell.Run("jupyter", new[]
        {
            "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=.net-csharp",
            "--ExecutePreprocessor.timeout=300", "--output-dir", dir, Path.Combine(kit.Root, "notebooks", "00-welcome.ipynb"),
        }, Path.Combine(kit.Root, "notebooks"), TimeSpan.FromMinutes(6));

        Assert.True(result.ExitCode == 0, result.Output);
        var executed = NotebookDocument.Load(Path.Combine(dir, "00-welcome.ipynb"));
        var outputs = string.Concat(executed.Cells.SelectMany(NotebookDocument.Outputs)
            .SelectMany(o => (o["data"] as System.Text.Json.Nodes.JsonObject)?.Select(kv => NotebookDocument.Text(kv.Value)) ?? []));
        Assert.Contains("autograd dV/dz equals STD²/2", outputs);
        Assert.Contains("lectures-chart-", outputs);
    }
}
