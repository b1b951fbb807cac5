using System.Text.Json;
using System.Text.RegularExpressions;
using Lectures.Cli.Site;

namespace Lectures.Tests.Cli.Site;

/// <summary>What a lecture page shows of the outputs (issue 27): no package report of the #r cell, long lines wrapped.</summary>
public class SiteOutputTests : TemporaryDirectoryTest
{
    /// <summary>A result line of 300 characters with no space in its second half.</summary>
    static readonly string LongLine = "mean log2 sep " + string.Join(" ", Enumerable.Range(0, 30).Select(i => $"{i}.50")) + " " + new string('x', 150);

    /// <summary>An executed notebook: the #r cell with the kernel's progress and final package report, then a cell printing <see cref="LongLine"/>.</summary>
    string WriteExecutedNotebook()
    {
        var dir = Path.Combine(Root, "notebooks");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "01-outputs.ipynb");
        static string Html(string html) => JsonSerializer.Serialize(new { output_type = "display_data", metadata = new { }, data = new Dictionary<string, string> { ["text/html"] = html } });
        var plain = JsonSerializer.Serialize(new { output_type = "display_data", metadata = new { }, data = new Dictionary<string, string> { ["text/plain"] = LongLine } });
        File.WriteAllText(path, $$"""
            {"cells": [
              {"cell_type": "markdown", "id": "a", "metadata": {}, "source": "# Outputs"},
              {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": 1, "source": "#r \"nuget: Lectures, *-*\"",
               "outputs": [{{Html("<div><div><strong>Restore sources</strong><ul><li><span>/kit/artifacts/packages</span></li></ul></div><div>Installing Packages</div></div>")}},
                           {{Html("<div><div></div><div></div><div><strong>Installed Packages</strong><ul><li><span>Lectures, 0.1.0-dev.1</span></li></ul></div></div>")}}]},
              {"cell_type": "code", "id": "c", "metadata": {}, "execution_count": 2, "source": "Check.That(\"x\", true)", "outputs": [{{plain}}]}
             ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        return path;
    }

    [Fact]
    public void ThePageLeavesOutThePackageReportAndTheExecutedNotebookKeepsIt()
    {
        var notebook = WriteExecutedNotebook();
        var before = File.ReadAllText(notebook);

        SiteBuilder.Build([notebook], Root);

        var page = File.ReadAllText(Path.Combine(Root, "01-outputs.html"));
        Assert.All(new[] { "Installed Packages", "Installing Packages", "Restore sources", "/kit/artifacts/packages" },
            noise => Assert.DoesNotContain(noise, page));
        // The #r line itself stays (it is how a reader loads the kit), and the other cell's output is shown.
        Assert.Contains("nuget: Lectures, *-*", page);
        Assert.Contains($"<div class=\"output\"><pre>{LongLine}</pre></div>", page);
        Assert.Single(Regex.Matches(page, "<div class=\"output\">"));
        Assert.Equal(before, File.ReadAllText(notebook));
        Assert.Contains("Installed Packages", File.ReadAllText(notebook));
    }

    [Fact]
    public void TheStyleSheetWrapsTextOutputs()
    {
        SiteBuilder.Build([WriteExecutedNotebook()], Root);

        var css = File.ReadAllText(Path.Combine(Root, "site.css"));
        var rule = Regex.Match(css, @"(?m)^div\.output pre \{([^}]*)\}");
        Assert.True(rule.Success, "site.css has a rule for div.output pre");
        Assert.Contains("white-space: pre-wrap;", rule.Groups[1].Value);
        Assert.Contains("overflow-wrap: anywhere;", rule.Groups[1].Value);
    }

    /// <summary>Appended to the page: after layout, writes the long output's box and the column's into pre#measured.</summary>
    const string MeasureScript = """
        <script>
        window.addEventListener('load', function () {
          var main = document.querySelector('main'), style = getComputedStyle(main), out = document.querySelector('div.output pre');
          var columnRight = main.getBoundingClientRect().right - parseFloat(style.paddingRight);
          var box = out.getBoundingClientRect(), line = parseFloat(getComputedStyle(out).lineHeight) || 16;
          var pre = document.createElement('pre');
          pre.id = 'measured';
          pre.textContent = JSON.stringify({ overflow: out.scrollWidth - out.clientWidth, right: box.right - columnRight,
            lines: Math.round(box.height / line) });
          document.body.appendChild(pre);
        });
        </script>
        """;

    [SkippableFact]
    public void ALongOutputLineWrapsInsideTheColumnInHeadlessChromium()
    {
        Skip.IfNot(HeadlessChromium.Available, "chromium is not installed (CI installs it: apt-get install chromium)");
        SiteBuilder.Build([WriteExecutedNotebook()], Root);
        var page = Path.Combine(Root, "01-outputs.html");
        File.WriteAllText(page, File.ReadAllText(page).Replace("</body>", MeasureScript + "</body>"));

        var dom = HeadlessChromium.DumpDom(page, Path.Combine(Root, "chromium"));

        var json = Regex.Match(dom, "<pre id=\"measured\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(json.Success, "the page did not finish its scripts");
        var seen = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(json.Groups[1].Value)).RootElement;
        // At 1280 px the column is about 56rem (896 px) minus padding: the 300 characters take 3 or more lines, none sticks out.
        Assert.Equal(0, seen.GetProperty("overflow").GetDouble());
        Assert.True(seen.GetProperty("right").GetDouble() <= 0, $"the output's right edge is {seen.GetProperty("right")} px past the column");
        Assert.InRange(seen.GetProperty("lines").GetInt32(), 3, 10);
    }
}
