using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Lectures.Grading.Checking;

/// <summary>
/// Everything one cell's code refers to, from the semantic model: the symbol every name, type, member access and
/// attribute binds to, the type of every expression, and from the IOperation tree the implicit targets the syntax
/// does not name (operators, user-defined conversions, extension methods, constructors, deconstruction and
/// foreach methods). Constructs that need no symbol to be dangerous (dynamic calls, await, __makeref, extern,
/// function pointers) are listed by name.
/// </summary>
sealed class CellSymbols
{
    /// <summary>The referenced symbols and expression types, each once, ordered by where they first appear (the innermost, leftmost node first).</summary>
    public IReadOnlyList<ISymbol> Symbols { get; private set; } = Array.Empty<ISymbol>();

    /// <summary>Language constructs a submission may not use, as "await", "dynamic", ... (empty for most cells).</summary>
    public IReadOnlyList<string> Constructs => constructs;

    readonly List<(ISymbol Symbol, int Start, int Length)> found = new();
    readonly List<string> constructs = new();
    readonly SemanticModel model;

    CellSymbols(SemanticModel model) => this.model = model;

    /// <summary>The symbols the last syntax tree (the cell) of <paramref name="compilation"/> refers to.</summary>
    public static CellSymbols Of(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Last();
        var walk = new CellSymbols(compilation.GetSemanticModel(tree));
        var root = tree.GetRoot();
        foreach (var node in root.DescendantNodesAndSelf()) walk.VisitSyntax(node);
        walk.VisitOperations(root);
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.IncludeNullability);
        walk.Symbols = walk.found.OrderBy(f => f.Start).ThenBy(f => f.Length).Select(f => f.Symbol).Where(seen.Add).ToList();
        return walk;
    }

    SyntaxNode at = null!;

    void Add(ISymbol? symbol)
    {
        if (symbol is null or INamespaceSymbol or ILabelSymbol) return;
        if (symbol is IAliasSymbol alias) { Add(alias.Target); return; }
        if (symbol is ITypeSymbol { TypeKind: TypeKind.Error }) return;
        found.Add((symbol, at.SpanStart, at.Span.Length));
    }

    void VisitSyntax(SyntaxNode node)
    {
        at = node;
        switch (node.Kind())
        {
            case SyntaxKind.ArgListExpression: constructs.Add("__arglist"); break;
            case SyntaxKind.MakeRefExpression: constructs.Add("__makeref"); break;
            case SyntaxKind.RefTypeExpression: constructs.Add("__reftype"); break;
            case SyntaxKind.RefValueExpression: constructs.Add("__refvalue"); break;
            case SyntaxKind.FunctionPointerType: constructs.Add("function pointers"); break;
            case SyntaxKind.PointerType: constructs.Add("pointers"); break;
        }
        if (node is MemberDeclarationSyntax member && member.Modifiers.Any(SyntaxKind.ExternKeyword)) constructs.Add("extern");
        if (node is LocalFunctionStatementSyntax local && local.Modifiers.Any(SyntaxKind.ExternKeyword)) constructs.Add("extern");
        // "var" names the type its initializer has; the initializer reports it, after what produced it.
        if (node is IdentifierNameSyntax { IsVar: true }) return;
        var info = model.GetSymbolInfo(node);
        Add(info.Symbol);
        foreach (var candidate in info.CandidateSymbols) Add(candidate);
        if (node is ExpressionSyntax)
        {
            var type = model.GetTypeInfo(node);
            Add(type.Type);
            Add(type.ConvertedType);
            Add(model.GetConversion(node).MethodSymbol);
        }
        if (node is CommonForEachStatementSyntax forEach)
        {
            var loop = model.GetForEachStatementInfo(forEach);
            Add(loop.GetEnumeratorMethod);
            Add(loop.MoveNextMethod);
            Add(loop.CurrentProperty);
            Add(loop.DisposeMethod);
            Add(loop.ElementType);
        }
    }

    /// <summary>Visits the operation tree of every outermost node that has one.</summary>
    void VisitOperations(SyntaxNode node)
    {
        if (model.GetOperation(node) is { } operation)
        {
            foreach (var op in operation.DescendantsAndSelf()) Visit(op);
            return;
        }
        foreach (var child in node.ChildNodes()) VisitOperations(child);
    }

    void Visit(IOperation op)
    {
        at = op.Syntax;
        Add(op.Type);
        switch (op)
        {
            case IInvocationOperation call: Add(call.TargetMethod); break;
            case IObjectCreationOperation creation: Add(creation.Constructor); break;
            case IMemberReferenceOperation reference: Add(reference.Member); break;
            case IBinaryOperation binary: Add(binary.OperatorMethod); break;
            case IUnaryOperation unary: Add(unary.OperatorMethod); break;
            case IIncrementOrDecrementOperation step: Add(step.OperatorMethod); break;
            case ICompoundAssignmentOperation compound: Add(compound.OperatorMethod); break;
            case IConversionOperation conversion: Add(conversion.OperatorMethod); break;
            case ITypeOfOperation typeOf: Add(typeOf.TypeOperand); break;
            case ISizeOfOperation sizeOf: Add(sizeOf.TypeOperand); break;
            case IAwaitOperation: constructs.Add("await"); break;
            case IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicObjectCreationOperation or IDynamicIndexerAccessOperation:
                constructs.Add("dynamic"); break;
            case IFunctionPointerInvocationOperation: constructs.Add("function pointers"); break;
            case IAddressOfOperation: constructs.Add("pointers"); break;
        }
        if (op is IDeconstructionAssignmentOperation or IRecursivePatternOperation && op.Syntax is { } syntax)
            foreach (var method in Deconstructors(syntax)) Add(method);
    }

    IEnumerable<IMethodSymbol> Deconstructors(SyntaxNode syntax)
    {
        if (syntax is AssignmentExpressionSyntax assignment) return Flatten(model.GetDeconstructionInfo(assignment));
        if (syntax is ForEachVariableStatementSyntax forEach) return Flatten(model.GetDeconstructionInfo(forEach));
        if (syntax is RecursivePatternSyntax { PositionalPatternClause: not null } && model.GetOperation(syntax) is IRecursivePatternOperation { DeconstructSymbol: IMethodSymbol m })
            return new[] { m };
        return Array.Empty<IMethodSymbol>();
    }

    static IEnumerable<IMethodSymbol> Flatten(DeconstructionInfo info)
    {
        if (info.Method is { } method) yield return method;
        foreach (var nested in info.Nested)
            foreach (var m in Flatten(nested)) yield return m;
    }
}
