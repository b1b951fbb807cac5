using System.Text.RegularExpressions;
using Lectures.Cli.Kit;
using Lectures.Cli.Notebooks;
using Lectures.Cli.Site;
using Lectures.Tests.Cli.Notebooks;

namespace Lectures.Tests.Cli.Site;

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
                  {"cell_type": "markdown", "id": "a", "metadata": {}, "source": ["# {{{title}}}\n", "Some *emphasis*, walks to {t}, sep <= D^(4 WI + 1) and D^2, and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## Setup\n\n## Walks\n\n### Setup"]},
                  {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": 1, "source": "var s = \"text\"; // note\n1 < 2",
                   "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"text/plain": ["True"]}}]},
                  {"cell_type": "markdown", "id": "c", "metadata": {}, "source": "## Walks"}
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
        Assert.Contains("<span class=\"number\">1</span> &lt; <span class=\"number\">2</span></code></pre>", page);
        Assert.Contains("<span class=\"keyword\">var</span>", page);
        Assert.Contains("<span class=\"string\">&quot;text&quot;</span>", page);
        Assert.Contains("<span class=\"comment\">// note</span>", page);
        // A table of contents of the h2 and h3 headings.
        Assert.Contains("<li class=\"toc-h2\"><a href=\"#setup\">Setup</a></li>\n<li class=\"toc-h2\"><a href=\"#walks\">Walks</a></li>\n" +
                        "<li class=\"toc-h3\"><a href=\"#setup-1\">Setup</a></li>\n<li class=\"toc-h2\"><a href=\"#walks-1\">Walks</a></li>", page);
        Assert.Contains("<h3 id=\"setup-1\">Setup</h3>", page);
        Assert.Contains("<code class=\"language-csharp\"><span class=\"keyword\">var</span>", page);
        // Without KaTeX the pages load no KaTeX files.
        Assert.DoesNotContain("katex", page);
        Assert.Contains("<pre>True</pre>", page);
        Assert.Contains("<script src=\"plotly.min.js\"></script>", page);
        Assert.DoesNotContain("cdn.plot.ly", page);
        Assert.True(new FileInfo(Path.Combine(dir, SiteBuilder.PlotlyFile)).Length > 1_000_000, "plotly.js is served from the site folder");
    }

    [Fact]
    public void AFigureIsDrawnFromItsHtmlWithoutTheKernelsPlotlyCopyElseFromItsPlotlyJson()
    {
        var dir = kit.Scratch("site-mime");
        var executed = Path.Combine(dir, "01-charts.ipynb");
        File.WriteAllText(executed, """
            {"cells": [
              {"cell_type": "code", "id": "a", "metadata": {}, "execution_count": 1, "source": "chart",
               "outputs": [{"output_type": "display_data", "metadata": {}, "data": {
                 "text/html": "<script type=\"text/javascript\" data-lectures-plotly=\"1\">\nvar inlinePlotly = 1;\n</script>\n<div id=\"from-html\"></div>",
                 "application/vnd.plotly.v1+json": {"data": [{"type": "scatter", "x": [1], "y": [7]}], "layout": {}},
                 "text/plain": "Plotly.NET.GenericChart"}}]},
              {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": 2, "source": "figure",
               "outputs": [{"output_type": "execute_result", "execution_count": 2, "metadata": {}, "data": {
                 "application/vnd.plotly.v1+json": {"data": [{"type": "bar", "x": ["a"], "y": [42]}], "layout": {"title": {"text": "JSON only"}}},
                 "text/plain": "a figure"}}]}
             ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);

        SiteBuilder.Build([executed], dir);

        var page = File.ReadAllText(Path.Combine(dir, "01-charts.html"));
        // The copy of plotly.js the kit's kernel sends with a session's first chart is dropped: the site serves its own.
        Assert.Contains("<div class=\"output\"><div id=\"from-html\"></div></div>", page);
        Assert.DoesNotContain("inlinePlotly", page);
        Assert.DoesNotContain("\"y\":[7]", page);
        Assert.DoesNotContain("Plotly.NET.GenericChart", page);
        // The JSON-only figure becomes a chart div drawn by the site's plotly.js, its data and title kept.
        Assert.Single(Regex.Matches(page, "class=\"lectures-chart\""));
        Assert.Contains("\"y\":[42]", page);
        Assert.Contains("JSON only", page);
        Assert.DoesNotContain("a figure", page);
    }

    [Fact]
    public void FormulasAreTheSpansMarkdigMarksInlineAndDisplay()
    {
        var formulas = SiteBuilder.Formulas(
            "Walks $\\rho_{L-1}(C_I, V)$ cost $5 and $10, a bound $$D^{4 \\mathrm{WI} + 1}$$ inline, and\n\n$$\n\\sum_{i \\in C_I} (d_i + 1)\n$$\n",
            "here");

        Assert.Equal(new[]
        {
            new Formula("\\rho_{L-1}(C_I, V)", false, "here"),
            new Formula("D^{4 \\mathrm{WI} + 1}", true, "here"),
            new Formula("\\sum_{i \\in C_I} (d_i + 1)", true, "here"),
        }, formulas);
    }

    [SkippableFact]
    public void KatexCompilesEveryFormulaOfEveryNotebookAndAssignment()
    {
        Skip.IfNot(Executables.OnPath("node") && Katex.Ensure(kit.Root, _ => { }) is not null, "node and npm are needed to install and run KaTeX");
        var notebooks = KitRoot.Notebooks(kit.Root)
            .Concat(Directory.GetFiles(Path.Combine(kit.Root, "assignments"), "*.ipynb", SearchOption.AllDirectories))
            .ToList();
        Assert.True(notebooks.Count >= 18, $"found {notebooks.Count} notebooks");

        var formulas = notebooks.SelectMany(SiteBuilder.Formulas).ToList();
        var errors = Katex.Compile(kit.Root, formulas);

        Assert.True(errors.Count == 0, $"{errors.Count} of {formulas.Count} formulas do not compile with KaTeX:\n{string.Join("\n", errors)}");
    }

    [SkippableFact]
    public void KatexNamesTheNotebookCellAndFormulaThatDoNotCompile()
    {
        Skip.IfNot(Executables.OnPath("node") && Katex.Ensure(kit.Root, _ => { }) is not null, "node and npm are needed to install and run KaTeX");
        var nb = Path.Combine(kit.Scratch("bad-formula"), "99-bad.ipynb");
        NotebookRunnerTests.Write(nb, ("markdown", "# Bad\nFine: $\\frac{1}{2}$ and $$\\Omega(1/\\mathrm{STD}_0^2)$$."),
            ("code", "1"), ("markdown", "Broken: $\\frac{1}{2$ and unknown $\\foo{x}$, fine $x_i$."));

        var errors = Katex.Compile(kit.Root, SiteBuilder.Formulas(nb));

        Assert.Equal(new[] { "\\frac{1}{2", "\\foo{x}" }, errors.Select(e => e.Formula.Tex));
        Assert.All(errors, e => Assert.Equal("99-bad.ipynb, cell 3", e.Formula.Where));
        Assert.Contains("Undefined control sequence: \\foo", errors[1].Error);
    }

    /// <summary>Appended to a page under test: after the scripts ran, writes what the reader sees as JSON into pre#measured.</summary>
    const string MeasureScript = """
        <script>
        setTimeout(function () {
          var main = document.querySelector('main'), style = getComputedStyle(main);
          var column = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          var charts = Array.from(main.querySelectorAll('.lectures-chart')).map(function (c) {
            var svg = c.querySelector('svg.main-svg');
            return svg ? svg.getBoundingClientRect().width : -1;
          });
          // Top-level tables; the kernel's own object trees nest header-less tables inside theirs.
          var tables = Array.from(main.querySelectorAll('table')).filter(function (t) { return !t.parentElement.closest('table'); });
          var unnamed = tables.filter(function (t) {
            var th = Array.from(t.querySelectorAll(':scope > thead > tr > th, :scope > tbody > tr:first-child > th'));
            return th.length === 0 || th.some(function (h) { return !h.textContent.trim(); });
          }).length;
          var pre = document.createElement('pre');
          pre.id = 'measured';
          pre.textContent = JSON.stringify({ column: column, charts: charts, tables: tables.length,
            unnamed: unnamed, katex: main.querySelectorAll('.katex').length, errors: document.querySelectorAll('.katex-error').length });
          document.body.appendChild(pre);
        }, 4000);
        </script>
        """;

    [SkippableFact]
    public void PagesTypesetEveryFormulaAndFitChartsAndTablesInHeadlessChromiumWithTheNetworkBlocked()
    {
        Skip.IfNot(HeadlessChromium.Available, "chromium is not installed (CI installs it: apt-get install chromium)");
        var katex = Katex.Ensure(kit.Root, _ => { });
        Skip.If(katex is null, "npm is needed to install KaTeX (CI has Node.js and npm)");
        var dir = kit.Scratch("chromium");
        var executedDir = Path.Combine(dir, "notebooks");
        Directory.CreateDirectory(executedDir);
        // The pages the reviewer looks at (and 00, two charts) run headless; the others show their markdown and code.
        string[] executed = ["00", "03", "09", "12"];
        foreach (var notebook in KitRoot.Notebooks(kit.Root))
        {
            var target = Path.Combine(executedDir, Path.GetFileName(notebook));
            if (!executed.Any(p => Path.GetFileName(notebook).StartsWith(p, StringComparison.Ordinal)))
            {
                File.Copy(notebook, target);
                continue;
            }
            var run = NotebookRunner.Run(notebook, target, TimeSpan.FromMinutes(5), NotebookEngine.Kit);
            Assert.True(run.Passed, run.Failure?.ToString());
        }
        var pages = SiteBuilder.Build(Directory.GetFiles(executedDir), dir, katex);

        var screenshots = Path.Combine(kit.Root, "artifacts", "screenshots");
        foreach (var page in pages)
        {
            var path = Path.Combine(dir, page.FileName);
            File.WriteAllText(path, File.ReadAllText(path).Replace("</body>", MeasureScript + "</body>"));
            var dom = HeadlessChromium.DumpDom(path, dir);
            var json = Regex.Match(dom, "<pre id=\"measured\">(.*?)</pre>", RegexOptions.Singleline);
            Assert.True(json.Success, $"{page.FileName}: the page did not finish its scripts");
            var seen = System.Text.Json.JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(json.Groups[1].Value)).RootElement;
            var name = page.FileName;
            Assert.Equal((name, SiteBuilder.Formulas(page.ExecutedNotebook).Count), (name, seen.GetProperty("katex").GetInt32()));
            Assert.Equal((name, 0), (name, seen.GetProperty("errors").GetInt32()));
            Assert.Equal((name, 0), (name, seen.GetProperty("unnamed").GetInt32()));
            var column = seen.GetProperty("column").GetDouble();
            foreach (var width in seen.GetProperty("charts").EnumerateArray().Select(w => w.GetDouble()))
                Assert.True(width >= 0.8 * column && width <= column + 1,
                    $"{name}: a chart is {width} px wide in a {column} px column (drawn: > 0, fills: ≥ 80%, fits: ≤ 100%)");
            if (name.StartsWith("00", StringComparison.Ordinal)) Assert.Equal(2, seen.GetProperty("charts").GetArrayLength());
            if (new[] { "03", "09", "12" }.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                Assert.True(seen.GetProperty("charts").GetArrayLength() > 0, $"{name} draws its charts");
                HeadlessChromium.Screenshot(Path.Combine(dir, page.FileName), Path.Combine(screenshots, Path.ChangeExtension(name, ".png")), dir);
            }
        }
    }
}
