using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Lectures.Kernel.Editing;

/// <summary>is_complete_request: whether a frontend should run the code as it is or wait for more lines.</summary>
public static class SubmissionCheck
{
    static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>
    /// "incomplete" when Roslyn's <see cref="SyntaxFactory.IsCompleteSubmission"/> says more is needed (an open brace, a
    /// trailing comma), else "invalid" when the code has syntax errors, else "complete".
    /// </summary>
    public static string Status(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, ParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return "incomplete";
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? "invalid" : "complete";
    }
}
