using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Lectures.Grading.Similarity;

/// <summary>One token of a cell, normalised: its kind code and where it is in the cell's source.</summary>
/// <param name="Code">The normalised token: "id" for every identifier, "lit" for every literal, else its text (keywords, operators).</param>
/// <param name="Start">Offset of its first character in the cell's source.</param>
/// <param name="End">Offset just past its last character.</param>
public readonly record struct CodeToken(string Code, int Start, int End);

/// <summary>
/// The C# tokens of a cell, read by Roslyn's lexer (<c>SyntaxFactory.ParseTokens</c>), with whitespace and comments
/// dropped, every identifier normalised to "id" and every literal to "lit": renaming and re-spacing change nothing.
/// </summary>
public static class CodeTokens
{
    /// <summary>The normalised tokens of <paramref name="source"/>, in order.</summary>
    public static IReadOnlyList<CodeToken> Of(string source)
    {
        var tokens = new List<CodeToken>();
        foreach (var token in SyntaxFactory.ParseTokens(source))
        {
            if (token.IsKind(SyntaxKind.EndOfFileToken) || token.Span.Length == 0) continue;
            var code = token.Kind() switch
            {
                SyntaxKind.IdentifierToken => "id",
                SyntaxKind.NumericLiteralToken or SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken
                    or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.SingleLineRawStringLiteralToken
                    or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8StringLiteralToken => "lit",
                _ => token.Text,
            };
            tokens.Add(new CodeToken(code, token.SpanStart, token.Span.End));
        }
        return tokens;
    }
}
