using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Lectures.Grading.Sandbox;
using Lectures.Grading.Scoring;

namespace Lectures.Grading.Checking;

/// <summary>
/// The test contract: a student declaration must not change what a trusted cell (a test or a read-only cell)
/// binds to. A trusted cell's bindings are the symbols it refers to, each written as "kind|name|display", with
/// the notebook's own declarations labelled by the cell that made them ({student} for every student cell, the
/// grade id for a trusted one): "M|Square|long {student}.Square(long)", "T|Random|System.Random". The grader
/// records them once per assignment from the instructor's solution (<see cref="CellCompiler.Bindings"/>) and
/// gives them to each trusted <see cref="SourceCell"/>; a trusted cell that binds anything outside that set is
/// refused with <see cref="GradeStatus.ShadowsApi"/> (a student declaration hides what the cell used) or
/// <see cref="GradeStatus.ChangedSignature"/> (a released function or type was declared with another signature).
/// </summary>
static partial class TestContract
{
    /// <summary>The label of every student cell's declarations.</summary>
    public const string StudentLabel = "student";

    static readonly SymbolDisplayFormat Format = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters |
                       SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeRef,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeParamsRefOut |
                          SymbolDisplayParameterOptions.IncludeExtensionThis,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    [GeneratedRegex(@"\{[^}]*\}\.")]
    private static partial Regex Label();

    /// <summary>
    /// The bindings of the cell (last syntax tree) of <paramref name="compilation"/>, paired with their symbols;
    /// <paramref name="labels"/> maps the assembly name of each submission of the chain to its cell's label.
    /// Locals and parameters are left out: their types are there as the types of the expressions that use them.
    /// </summary>
    public static IReadOnlyList<(string Binding, ISymbol Symbol)> Of(Compilation compilation, IReadOnlyDictionary<string, string> labels)
    {
        var result = new List<(string, ISymbol)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in CellSymbols.Of(compilation).Symbols)
        {
            if (symbol is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or IDiscardSymbol or ITypeParameterSymbol
                or INamedTypeSymbol { IsScriptClass: true } or IMethodSymbol { ReducedFrom: not null }) continue;   // the extension method itself is there
            var kind = symbol switch { ITypeSymbol => "T", IMethodSymbol => "M", IPropertySymbol => "P", IFieldSymbol => "F", _ => "E" };
            // Roslyn shows a notebook declaration without its submission class: prefix the label of the cell that made it.
            var display = symbol.ToDisplayString(Format);
            if (ApiPolicy.IsNotebookSymbol(symbol) && symbol.ContainingAssembly is { } assembly && labels.TryGetValue(assembly.Name, out var label))
                display = "{" + label + "}." + display;
            var binding = $"{kind}|{SubjectName(symbol)}|{display}";
            if (seen.Add(binding)) result.Add((binding, symbol));
        }
        return result;
    }

    /// <summary>
    /// The status and message for the first binding of <paramref name="actual"/> that <paramref name="reference"/>
    /// (the same cell after the instructor's solution) lacks, or null when there is none.
    /// </summary>
    public static (GradeStatus Status, string Message)? Violation(string cell, IReadOnlyList<string> reference, IReadOnlyList<(string Binding, ISymbol Symbol)> actual)
    {
        var expected = reference.ToHashSet(StringComparer.Ordinal);
        var present = actual.Select(a => a.Binding).ToHashSet(StringComparer.Ordinal);
        var missing = reference.Where(r => !present.Contains(r)).Select(r => r.Split('|', 3)).ToList();
        var violations = actual.Where(a => !expected.Contains(a.Binding))
            .Select(a => (Parts: a.Binding.Split('|', 3), a.Symbol))
            .Select(v => (v.Parts, v.Symbol, Counterpart: missing.FirstOrDefault(r => r[0] == v.Parts[0] && r[1] == v.Parts[1])))
            .ToList();
        if (violations.Count == 0) return null;
        // Name a declaration that took the place of another (a type before a member), else the first new binding.
        var (parts, symbol, counterpart) = violations.Where(v => v.Counterpart is not null).OrderBy(v => v.Parts[0] == "T" ? 0 : 1)
            .Concat(violations).First();
        var mine = Clean(parts[2]);
        if (counterpart is null)
            return (GradeStatus.ShadowsApi, $"{Kind(symbol)} {parts[1]} ({mine}) changes what {cell} uses: with the instructor's solution it binds to something else.");
        var theirs = Clean(counterpart[2]);
        var student = "{" + StudentLabel + "}";
        return parts[2].Contains(student, StringComparison.Ordinal) && counterpart[2].Contains(student, StringComparison.Ordinal)
            ? (GradeStatus.ChangedSignature, $"{parts[1]} is declared as {mine}, but the release declares {theirs}, which {cell} uses.")
            : (GradeStatus.ShadowsApi, $"{Kind(symbol)} {parts[1]} hides {theirs}, which {cell} uses.");
    }

    /// <summary>
    /// The notebook-declared types whose values the trusted test cells of <paramref name="compilation"/>'s last
    /// tree compare (==, !=, &lt;, Equals, SequenceEqual, CompareTo...): a test should compare only values of BCL or kit types.
    /// </summary>
    public static IEnumerable<ITypeSymbol> ComparedNotebookTypes(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var operands = model.GetOperation(node) switch
            {
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan
                    or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual } b
                    => new[] { b.LeftOperand.Type, b.RightOperand.Type },
                IInvocationOperation { TargetMethod.Name: "Equals" or "SequenceEqual" or "CompareTo" or "SetEquals" or "Compare" } call
                    => call.Arguments.Select(a => a.Value.Type).Append(call.Instance?.Type),
                _ => Array.Empty<ITypeSymbol?>(),
            };
            foreach (var type in operands)
                if (type is not null && NotebookPart(type) is { } declared) yield return declared;
        }
    }

    static ITypeSymbol? NotebookPart(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => NotebookPart(array.ElementType),
        INamedTypeSymbol named when ApiPolicy.IsNotebookSymbol(named) => named,
        INamedTypeSymbol named => named.TypeArguments.Select(NotebookPart).FirstOrDefault(t => t is not null),
        _ => null,
    };

    static string SubjectName(ISymbol symbol) => symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor ? ctor.ContainingType.Name : symbol.Name;

    static string Clean(string display) => Label().Replace(display, "");

    static string Kind(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => Kind(ctor.ContainingType),
        IMethodSymbol { IsExtensionMethod: true } or IMethodSymbol { MethodKind: MethodKind.ReducedExtension } => "extension method",
        IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator or MethodKind.Conversion } => "operator",
        IMethodSymbol => "method",
        INamedTypeSymbol { IsRecord: true } => "record",
        INamedTypeSymbol { TypeKind: TypeKind.Struct } => "struct",
        INamedTypeSymbol { TypeKind: TypeKind.Interface } => "interface",
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => "enum",
        INamedTypeSymbol { TypeKind: TypeKind.Delegate } => "delegate",
        INamedTypeSymbol { IsStatic: true } => "static class",
        ITypeSymbol => "class",
        IPropertySymbol => "property",
        IFieldSymbol => "field",
        _ => "member",
    };
}
