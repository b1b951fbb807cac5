using Lectures.Cli.Site;
using Lectures.Grading.Manual;
using Lectures.Grading.Reports;
using Lectures.Grading.Samples;
using Lectures.Grading.Scoring;
using Lectures.Tests.Grading.Reports;

namespace Lectures.Tests.Grading.Manual;

/// <summary>The instructor's page of answers to grade by hand and the scores template: every student, every question asked, nothing executed.</summary>
public class ManualAnswersReportTests
{
    const string Img = HostileMarkup.Img;
    const string Script = HostileMarkup.Script;
    readonly ManualScratch s = new();
    readonly IReadOnlyList<ManualAnswer> answers;

    public ManualAnswersReportTests()
    {
        s.Submit("dee", SyntheticAssignment.Edit(s.Answered("x", "// Sketch how you would test SumTo. "), "essay", null));   // deleted the essay cell, sketch as released
        s.Submit("ann", s.Answered("<script>alert('ann')</script> pairs & halves", "Console.WriteLine(SumTo(4));"));
        s.Submit("bob", s.FirstReleaseJson);                                                   // release 1 asked nothing
        s.Submit("cy", "{\"cells\": [");
        s.Submit("eve", s.Answered(Img + " in a Markdown answer", "// " + Script));
        answers = ManualAnswer.Read(s.Assignment, Submissions.Find(s.Submissions, "synthetic"));
    }

    [Fact]
    public void EveryStudentsAnswerToEveryQuestionIsReadOrSaysWhyThereIsNone()
    {
        Assert.Equal(
        [
            ("ann", "essay", true, "<script>alert('ann')</script> pairs & halves", false, null),
            ("ann", "sketch", true, "Console.WriteLine(SumTo(4));", true, null),
            ("bob", "essay", false, null, false, "not asked in release 1"),
            ("bob", "sketch", false, null, false, "not asked in release 1"),
            ("cy", "essay", true, null, false, "not a readable notebook"),
            ("cy", "sketch", true, null, false, "not a readable notebook"),
            ("dee", "essay", true, null, false, "the cell is not in the submission (deleted, or its id was changed)"),
            ("dee", "sketch", true, "// Sketch how you would test SumTo. ", true, null),
            ("eve", "essay", true, Img + " in a Markdown answer", false, null),
            ("eve", "sketch", true, "// " + Script, true, null),
        ], answers.Select(a => (a.Student, a.Question, a.Asked, a.Text, a.IsCode, a.Missing)));
    }

    [Fact]
    public void ThePageHasOneSectionPerQuestionWithItsIdAndTheStudentsInOrderAllEscaped()
    {
        var html = ManualAnswersReport.Render(s.Assignment, answers).Render();

        Assert.Contains($"content=\"{HtmlDocument.ContentSecurityPolicy}\"", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("<pre>&lt;script&gt;alert(&#39;ann&#39;)&lt;/script&gt; pairs &amp; halves</pre>", html);
        Assert.Contains("<code>student,question,points,comment</code>", html);
        Assert.Contains("<code>lectures grade synthetic --submissions DIR --manual FILE</code>", html);
        var essay = html.IndexOf("<h2>Question <code>essay</code> (2 points)</h2>", StringComparison.Ordinal);
        var sketch = html.IndexOf("<h2>Question <code>sketch</code> (1 point)</h2>", StringComparison.Ordinal);
        Assert.True(essay > 0 && sketch > essay, html);
        // The Markdown cell before a question is shown with it: none before essay (test-sum is code), essay before sketch.
        Assert.DoesNotContain("The cell before it", html[..sketch]);
        Assert.Contains("<p>As released:</p><pre>*Why does SumTo(n) equal n(n + 1)/2?*</pre>", html[..sketch]);
        Assert.Contains("<p>The cell before it:</p><pre>*Why does SumTo(n) equal n(n + 1)/2?*</pre><p>As released:</p><pre>// Sketch how you would test SumTo.</pre>", html[sketch..]);
        string[] order = ["<h3>ann</h3>", "<h3>bob</h3>", "<p class=\"missing\">No answer: not asked in release 1.</p>", "<h3>cy</h3>",
            "<p class=\"missing\">No answer: not a readable notebook.</p>", "<h3>dee</h3>",
            "<p class=\"missing\">No answer: the cell is not in the submission (deleted, or its id was changed).</p>",
            "<h3>ann (a code cell: read, not run)</h3>", "<pre>Console.WriteLine(SumTo(4));</pre>", "<h3>dee (a code cell: read, not run; unchanged from the release)</h3>"];
        var at = essay;
        foreach (var piece in order)
        {
            var next = html.IndexOf(piece, at, StringComparison.Ordinal);
            Assert.True(next > at, $"'{piece}' is not after position {at}.");
            at = next;
        }
    }

    [Fact]
    public void TheTemplateListsEveryQuestionAskedAndIsNeverOverwritten()
    {
        var path = Path.Combine(s.Root, ManualAnswersReport.TemplateName);
        Assert.True(ManualAnswersReport.WriteTemplate(path, answers));
        Assert.Equal("student,question,points,comment\r\nann,essay,,\r\nann,sketch,,\r\ncy,essay,,\r\ncy,sketch,,\r\ndee,essay,,\r\ndee,sketch,,\r\neve,essay,,\r\neve,sketch,,\r\n", File.ReadAllText(path));

        File.WriteAllText(path, "student,question,points,comment\nann,essay,2,\n");   // the instructor's scores
        Assert.False(ManualAnswersReport.WriteTemplate(path, answers));
        Assert.Equal("student,question,points,comment\nann,essay,2,\n", File.ReadAllText(path));
    }

    [SkippableFact]
    public void ChromiumRunsNothingAStudentWroteInTheAnswersPage()
    {
        Skip.IfNot(HeadlessChromium.Available, "chromium is not installed");
        HostileMarkup.AssertRunsWhenRaw(s.Root);

        var page = Path.Combine(s.Root, "manual-answers.html");
        ManualAnswersReport.Render(s.Assignment, answers).Write(page);
        var dom = HeadlessChromium.DumpDom(page, s.Root);
        Assert.DoesNotContain("<title>ran-", dom);   // neither the onerror nor the script set the title
        Assert.DoesNotContain("<img", dom);
        Assert.Contains("&lt;img src=x onerror=", dom);
    }
}
