using Lectures.Kernel.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lectures.Kernel.Editing;

/// <summary>The names a complete_request offers, and the span of code they replace.</summary>
/// <param name="Matches">The names, sorted, without duplicates.</param>
/// <param name="Start">Where the word being completed starts (code points).</param>
/// <param name="End">The cursor (code points).</param>
public sealed record Completions(IReadOnlyList<string> Matches, int Start, int End);

/// <summary>
/// complete_request: the members of the expression before a dot (instance members and extension methods of its type,
/// or the static members of a type, or the members of a namespace), else every symbol in scope at the cursor
/// (locals, the session's variables and functions, types, namespaces), filtered by the word typed so far.
/// </summary>
public static class CodeCompletion
{
    /// <summary>The completions of <paramref name="code"/> at <paramref name="cursor"/> (code points) in <paramref name="session"/>.</summary>
    public static Completions Complete(ScriptSession session, string code, int cursor)
    {
        var end = TextPosition.ToIndex(code, cursor);
        var start = end;
        while (start > 0 && TextPosition.IsIdentifierPart(code[start - 1])) start--;
        var prefix = code[start..end];
        var compilation = session.Continue(code).GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        var symbols = MemberAccessBefore(tree, start) is { } access ? Members(model, access, start) : model.LookupSymbols(start);
        var matches = symbols.Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => s.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        return new Completions(matches, TextPosition.ToCodePoints(code, start), cursor);
    }

    static MemberAccessExpressionSyntax? MemberAccessBefore(SyntaxTree tree, int start)
    {
        if (start == 0) return null;
        var dot = tree.GetRoot().FindToken(start - 1);
        return dot.IsKind(SyntaxKind.DotToken) ? dot.Parent as MemberAccessExpressionSyntax : null;
    }

    static IEnumerable<ISymbol> Members(SemanticModel model, MemberAccessExpressionSyntax access, int position)
    {
        var target = model.GetSymbolInfo(access.Expression).Symbol;
        if (target is INamespaceOrTypeSymbol container) return model.LookupStaticMembers(position, container);
        return model.GetTypeInfo(access.Expression).Type is { } type
            ? model.LookupSymbols(position, type, includeReducedExtensionMethods: true)
            : [];
    }
}
