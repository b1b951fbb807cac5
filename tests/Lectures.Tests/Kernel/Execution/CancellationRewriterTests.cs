using Lectures.Kernel.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Lectures.Tests.Kernel.Execution;

public class CancellationRewriterTests
{
    const string CheckCall = "global::Lectures.Interruption.ThrowIfRequested();";

    static string Rewrite(string code) => CancellationRewriter.Rewrite(CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script)));

    static int Checks(string code) => (code.Length - code.Replace(CheckCall, "").Length) / CheckCall.Length;

    [Fact]
    public void CodeWithoutLoopsOrMethodsIsUnchanged()
    {
        Assert.Equal("var x = 6 * 7;\nx + 1", Rewrite("var x = 6 * 7;\nx + 1"));
    }

    [Fact]
    public void EveryLoopHeadAndMethodEntryGetsOneCheckAndLinesStay()
    {
        const string code = "int F(int n)\n{\n    return n;\n}\nwhile (true) { }\nfor (var i = 0; i < 3; i++) F(i);\nforeach (var c in \"ab\")\n{\n}\ndo { } while (false);";
        var rewritten = Rewrite(code);
        Assert.Equal(5, Checks(rewritten));
        Assert.Equal(code.Split('\n').Length, rewritten.Split('\n').Length);
        Assert.Contains("while (true) {" + CheckCall, rewritten.Replace(" " + CheckCall, CheckCall));
    }

    [Fact]
    public void LambdaBlocksGetACheckAndPlainBlocksDoNot()
    {
        Assert.Equal(1, Checks(Rewrite("System.Action a = () => { };\n{ var y = 1; }")));
    }
}
