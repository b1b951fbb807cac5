using System.Security.Cryptography;
using Lectures.Grading.Worker;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Lectures.Grading.Checking;

/// <summary>
/// The partial-credit checks of a test cell as the grader compiles them: every call of the kit's
/// <c>Lectures.Points.Check(condition, points, message)</c> written in the cell's own source is rewritten to
/// <see cref="TestChecks.Record"/> with a site id drawn at random for this compile, which the worker counts only
/// while that cell runs. A call the rewrite did not reach (a student function, a delegate, reflection) still goes
/// to <c>Points.Check</c>, which earns nothing when grading.
/// </summary>
static class CheckSites
{
    const string RecordMethod = "global::Lectures.Grading.Worker.TestChecks.Record";

    /// <summary>
    /// The source of the cell (last syntax tree of <paramref name="compilation"/>) with each Points.Check call
    /// rewritten, and the site ids in source order; null when the cell calls none.
    /// </summary>
    public static (string Source, IReadOnlyList<string> Sites)? Rewrite(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        var calls = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(call => IsPointsCheck(model.GetSymbolInfo(call).Symbol)).ToList();
        if (calls.Count == 0) return null;
        var sites = calls.Select(_ => Convert.ToHexString(RandomNumberGenerator.GetBytes(16))).ToList();
        var changes = calls.SelectMany((call, i) => new[]
        {
            new TextChange(call.Expression.Span, RecordMethod),
            new TextChange(new TextSpan(call.ArgumentList.OpenParenToken.Span.End, 0), $"\"{sites[i]}\", "),
        });
        return (tree.GetText().WithChanges(changes.OrderBy(c => c.Span.Start)).ToString(), sites);
    }

    /// <summary>True for the kit's Lectures.Points.Check.</summary>
    static bool IsPointsCheck(ISymbol? symbol) =>
        symbol is IMethodSymbol { Name: nameof(Points.Check), ContainingType: { } type }
        && type.ToDisplayString() == typeof(Points).FullName && type.ContainingAssembly.Name == typeof(Points).Assembly.GetName().Name;
}
