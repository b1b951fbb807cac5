using System.Xml.Linq;
using Lectures.Kernel.Execution;
using Microsoft.CodeAnalysis;

namespace Lectures.Kernel.Editing;

/// <summary>inspect_request: the symbol under the cursor, as its signature and the summary of its XML documentation.</summary>
public static class Inspection
{
    /// <summary>"signature\n\nsummary" of the symbol at <paramref name="cursor"/> (code points) of <paramref name="code"/>, or null when there is none.</summary>
    public static string? Describe(ScriptSession session, string code, int cursor)
    {
        var index = TextPosition.ToIndex(code, cursor);
        var compilation = session.Continue(code).GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        // The word the cursor is in or just after.
        var token = root.FindToken(Math.Max(0, index < code.Length && TextPosition.IsIdentifierPart(code[index]) ? index : index - 1));
        var node = token.Parent;
        if (node is null) return null;
        var info = model.GetSymbolInfo(node);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node) ?? model.GetTypeInfo(node).Type;
        if (symbol is null or IErrorTypeSymbol) return null;
        var signature = symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        var summary = Summary(symbol.GetDocumentationCommentXml());
        return summary is null ? signature : $"{signature}\n\n{summary}";
    }

    /// <summary>The text of the summary element of a documentation comment, whitespace collapsed, or null.</summary>
    static string? Summary(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml)) return null;
        try
        {
            var summary = XElement.Parse(xml).Element("summary");
            if (summary is null) return null;
            var text = string.Concat(summary.Nodes().Select(n => n is XElement e ? (string?)e.Attribute("cref")?.Value.Split(':').Last() ?? e.Value : n.ToString()));
            return string.Join(" ", text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}
