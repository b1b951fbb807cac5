using Lectures.Cli.Site;
using Lectures.Grading.Reports;
using Lectures.Grading.Samples;
using Lectures.Grading.Sandbox;
using Lectures.Tests.Grading.Sandbox;
using Lectures.Grading.Scoring;
using Lectures.Tests.Grading.Stages;

namespace Lectures.Tests.Grading.Reports;

/// <summary>feedback/STUDENT.html: score, tests with their checks and messages, the student's failing code, comments; nothing in it runs.</summary>
[Collection(PartialCreditCollection.Name)]
public class FeedbackPageTests(PartialCreditFixture fixture)
{
    const string Img = HostileMarkup.Img;
    const string Script = HostileMarkup.Script;

    static readonly StudentGrade Graded = new("bob", "bob.ipynb",
    [
        new GradeRow("test-square", 1, 2, GradeStatus.Failed, "", [new CheckResult(1, 1, true, "Square(7) = 49"), new CheckResult(2, 1, false, "Square(-3) = 0")]),
        new GradeRow("test-sum", 0, 1, GradeStatus.CompileError, "(1,1): error CS0103: The name 'SumTo' does not exist"),
        new GradeRow("cell:mine", 0, 0, GradeStatus.Timeout, "The cell did not finish within 10 s."),
    ])
    {
        FailingCode = [new CellCode("sol-sum", "static long SumTo(int n) => n +;", GradeStatus.CompileError, "(1,30): error CS1525")],
        Comments = new Dictionary<string, string> { ["test-square"] = "Negative inputs: see lecture 3.", [StudentGrade.NotebookComment] = "Well structured.", ["style"] = "Name things." },
    };

    [Fact]
    public void The_page_shows_the_score_each_check_the_failing_code_and_every_comment()
    {
        var html = FeedbackPage.Render("synthetic", Graded).Render();
        Assert.Contains("<strong>Score: 1 / 3</strong>", html);
        Assert.Contains("<li class=\"passed\">✓ 1/1 Square(7) = 49</li><li class=\"failed\">✗ 0/1 Square(-3) = 0</li>", html);
        Assert.Contains("<td>test-sum</td><td>0 / 1</td><td class=\"failed\">compile-error</td><td><pre>(1,1): error CS0103: The name &#39;SumTo&#39; does not exist</pre>", html);
        Assert.Contains("<h3>sol-sum (compile-error)</h3><pre>(1,30): error CS1525</pre><pre>static long SumTo(int n) =&gt; n +;</pre>", html);
        Assert.Contains("<li><strong>cell:mine</strong> (timeout, 0 points): The cell did not finish within 10 s.</li>", html);
        Assert.Contains("<div class=\"comment\">Negative inputs: see lecture 3.</div></td></tr>", html);
        Assert.Contains("</strong></p><div class=\"comment\">Well structured.</div>", html);
        Assert.Contains("<h2>Comments</h2><h3>style</h3><div class=\"comment\">Name things.</div>", html);
    }

    [Fact]
    public void The_grader_writes_a_page_beside_each_markdown_file_and_a_regrade_removes_only_its_own()
    {
        var dir = Path.Combine(fixture.Root, "reports-" + Guid.NewGuid().ToString("N")[..8]);
        GradeReport.Write("synthetic", [Graded, Graded with { Student = "a b" }], dir);
        var feedback = Path.Combine(dir, "feedback");
        File.WriteAllText(Path.Combine(feedback, "notes.html"), "the instructor's own page");
        GradeReport.Write("synthetic", [Graded], dir);
        Assert.Equal([".feedback-files", "bob.html", "bob.md", "notes.html"], Directory.GetFiles(feedback).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("<title>synthetic: feedback for bob</title>", File.ReadAllText(Path.Combine(feedback, "bob.html")));
    }

    [SkippableFact]
    public void Chromium_runs_nothing_a_hostile_submission_put_in_its_feedback_page()
    {
        SandboxRequirement.SkipWhenUnavailable();
        Skip.IfNot(HeadlessChromium.Available, "chromium is not installed");
        var scratch = Directory.CreateDirectory(Path.Combine(fixture.Root, "chromium-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        HostileMarkup.AssertRunsWhenRaw(scratch);

        var grade = fixture.Hostile["mallory"] with { Comments = new Dictionary<string, string> { [StudentGrade.NotebookComment] = "quoted: " + Img + Script } };
        Assert.Contains(grade.FailingCode, c => c.Source.Contains(Img) && c.Message.Contains(Img));
        Assert.Contains(grade.Rows, r => r.Message.Contains(Script));
        GradeReport.Write(SyntheticAssignment.Name, [grade], scratch);
        var page = Path.Combine(scratch, "feedback", "mallory.html");
        Assert.DoesNotContain("<img", File.ReadAllText(page));
        var dom = HeadlessChromium.DumpDom(page, scratch);
        Assert.Contains("<title>synthetic: feedback for mallory</title>", dom);   // neither the onerror nor the script set it
        Assert.DoesNotContain("<img", dom);
        Assert.DoesNotContain("<script", dom);
        Assert.Contains("&lt;img src=x onerror=", dom);   // shown as text
    }
}
