using Lectures.Cli.Site;
using Lectures.Grading.Reports;
using Lectures.Grading.Similarity;

namespace Lectures.Tests.Grading.Reports;

public class HtmlDocumentTests
{
    const string Img = HostileMarkup.Img;
    const string Script = HostileMarkup.Script;
    const string Student = "// " + Img + "\n" + Script + "\nstatic int F() => 1;";

    [Fact]
    public void Escape_replaces_every_markup_character_and_drops_control_characters()
    {
        Assert.Equal("&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp;amp; tab\tok", HtmlDocument.Escape("<img src=x onerror=\"a('b')\"> &amp; tab\tok\0\u001b"));
    }

    [Fact]
    public void A_page_carries_the_policy_and_no_student_markup()
    {
        var html = new HtmlDocument("Report for " + Img).Element("h1", Script).Code([(Student, true)]).Render();
        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{HtmlDocument.ContentSecurityPolicy}\">", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("</script", html);
        Assert.Equal(2, html.Split("&lt;img src=x").Length - 1);   // in the title and in the code, as text
    }

    [Fact]
    public void Only_listed_elements_and_plain_class_names_are_accepted()
    {
        Assert.Throws<ArgumentException>(() => new HtmlDocument("t").Open("script"));
        Assert.Throws<ArgumentException>(() => new HtmlDocument("t").Open("div", "x\" onclick=\"y"));
        Assert.Throws<InvalidOperationException>(() => new HtmlDocument("t").Open("div").Render());
    }

    [SkippableFact]
    public void Chromium_runs_nothing_a_student_wrote_in_a_similarity_report()
    {
        Skip.IfNot(HeadlessChromium.Available, "chromium is not installed");
        var scratch = Path.Combine(Path.GetTempPath(), "lectures-html-tests", Guid.NewGuid().ToString("N")[..8]);
        HostileMarkup.AssertRunsWhenRaw(scratch);

        var code = new[] { new SolutionCode("alice " + Img, [Student]), new SolutionCode("bob" + Script, [Student]) };
        var options = new SimilarityOptions();
        var report = Path.Combine(scratch, "similarity.html");
        SimilarityReport.Render("one-wis", 2, SimilarityComparison.Compare(code, [], options), options).Write(report);
        var dom = HeadlessChromium.DumpDom(report, scratch);
        Assert.Contains("<title>Similarity report: one-wis</title>", dom);   // neither the onerror nor the script set it
        Assert.DoesNotContain("<img", dom);
        Directory.Delete(scratch, recursive: true);
    }
}
