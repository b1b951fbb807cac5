using Lectures.Cli.Site;

namespace Lectures.Tests.Grading.Reports;

/// <summary>Markup a hostile student puts in what the grader's reports embed, and the control that it does run when left raw.</summary>
static class HostileMarkup
{
    /// <summary>An image whose onerror sets the page's title to "ran-onerror".</summary>
    public const string Img = "<img src=x onerror=\"document.title='ran-onerror'\">";

    /// <summary>A script that closes an enclosing script element and sets the page's title to "ran-script".</summary>
    public const string Script = "</script><script>document.title='ran-script'</script>";

    /// <summary>
    /// Asserts that <see cref="Img"/> and <see cref="Script"/> pasted raw into a page in <paramref name="scratch"/> run in
    /// headless Chromium (the title becomes "ran-..."), so a report that keeps its own title stopped them.
    /// </summary>
    public static void AssertRunsWhenRaw(string scratch)
    {
        var raw = Path.Combine(scratch, "raw.html");
        Directory.CreateDirectory(scratch);
        File.WriteAllText(raw, $"<!DOCTYPE html><html><head><title>safe</title></head><body><pre>{Img}{Script}</pre></body></html>");
        Assert.Contains("<title>ran-", HeadlessChromium.DumpDom(raw, scratch));
    }
}
