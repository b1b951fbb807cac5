using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lectures.Kernel.Execution;

/// <summary>
/// Makes a cell's code stop when the user interrupts it: inserts <c>global::Lectures.Interruption.ThrowIfRequested();</c>
/// at the head of every loop body and at the entry of every method, local function, constructor, accessor and
/// lambda with a block body. The call goes on the line of the body's opening brace, so line numbers do not move.
/// </summary>
public sealed class CancellationRewriter : CSharpSyntaxRewriter
{
    static readonly StatementSyntax Check = SyntaxFactory.ParseStatement("global::Lectures.Interruption.ThrowIfRequested();");

    /// <summary>The cell's code with the checks inserted, or the code unchanged when it has no loop or block body.</summary>
    public static string Rewrite(SyntaxTree tree)
    {
        var root = tree.GetRoot();
        return root.DescendantNodes().Any(NeedsCheck) ? new CancellationRewriter().Visit(root)!.ToFullString() : root.ToFullString();
    }

    static bool NeedsCheck(SyntaxNode node) => node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax
        or CommonForEachStatementSyntax or BlockSyntax { Parent: BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax };

    /// <summary>Adds the check at the start of blocks that are a loop's body or a method's body.</summary>
    public override SyntaxNode? VisitBlock(BlockSyntax node)
    {
        var visited = (BlockSyntax)base.VisitBlock(node)!;
        return node.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax
            or AnonymousFunctionExpressionSyntax or WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax
            ? visited.WithStatements(visited.Statements.Insert(0, Check))
            : visited;
    }

    /// <summary>A loop whose body is one statement gets a block: the check, then that statement.</summary>
    public override SyntaxNode? Visit(SyntaxNode? node) => base.Visit(node) switch
    {
        WhileStatementSyntax loop => loop.WithStatement(WithCheck(loop.Statement)),
        DoStatementSyntax loop => loop.WithStatement(WithCheck(loop.Statement)),
        ForStatementSyntax loop => loop.WithStatement(WithCheck(loop.Statement)),
        CommonForEachStatementSyntax loop => loop.WithStatement(WithCheck(loop.Statement)),
        var other => other,
    };

    /// <summary>A block body already has its check (<see cref="VisitBlock"/>); another statement is wrapped in a block with it.</summary>
    static StatementSyntax WithCheck(StatementSyntax body) => body is BlockSyntax
        ? body
        : SyntaxFactory.Block(Check, body.WithoutTrivia()).WithLeadingTrivia(body.GetLeadingTrivia()).WithTrailingTrivia(body.GetTrailingTrivia());
}
