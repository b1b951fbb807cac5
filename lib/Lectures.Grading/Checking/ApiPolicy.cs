using Microsoft.CodeAnalysis;

namespace Lectures.Grading.Checking;

/// <summary>
/// The allow-list of what a student cell may use. Every symbol a cell refers to (types, members, constructors,
/// operators, conversions, extension methods, attributes, generic type arguments) and every expression's type must
/// be the cell's own (declared in the notebook) or on this list:
/// <list type="bullet">
/// <item>System's core types: primitives, string, Math, Random, tuples, Span, delegates Func/Action, dates, the
/// common exceptions, Console.Write/WriteLine and Environment.NewLine;</item>
/// <item>single members that touch nothing outside the process (<see cref="RestrictedTypes"/>): Console.Error.Write/WriteLine,
/// Debug.Assert/Write/WriteLine (and their If forms, Print, Fail) and the members of Stopwatch; never Trace, its
/// listeners, or the rest of System.IO and System.Diagnostics;</item>
/// <item>the namespaces System.Collections(.Generic, .Immutable, .ObjectModel), System.Linq (not IQueryable or
/// PLINQ), System.Text, System.Text.RegularExpressions, System.Globalization, System.Numerics;</item>
/// <item>MathNet.Numerics and the kit's Lectures.* namespaces, minus the members that touch files, the network,
/// native libraries or processes (<see cref="KitDenied"/>), the partial-credit checks of test cells (Points), and the grader's own namespaces;</item>
/// <item>display(...) and x.Display() of the notebook kernel.</item>
/// </list>
/// A member is allowed only when its type is, and every type in its signature is too: so reflection (System.Type,
/// Delegate.CreateDelegate, MethodInfo), System.IO, System.Xml, System.Data, System.Net, System.Linq.Expressions,
/// threads, tasks and timers (await included), interop, dynamic and pointers are all out.
/// </summary>
static class ApiPolicy
{
    /// <summary>The allow-list in one paragraph for students: the student notebook's introduction gives it (<see cref="Release.StudentRelease"/>).</summary>
    public const string StudentParagraph =
        "**What a submission may use.** A cell of yours runs when it uses only the core `System` types (numbers, strings, `Math`, " +
        "`Random`, tuples, spans, dates, the common exceptions), collections, LINQ, `System.Text` and regular expressions, " +
        "`System.Globalization`, `System.Numerics`, MathNet.Numerics and the kit's `Lectures` library, `Console.Write`/`WriteLine`, " +
        "`Console.Error.Write`/`WriteLine`, `Debug.Assert`/`Debug.WriteLine`, `Stopwatch` and `display(...)`. Files, processes, " +
        "the network, environment variables, reflection, threads, tasks and `await` are not allowed: a cell that uses one is not run, " +
        "and the tests that need its names say so. `lectures check NOTEBOOK` runs your notebook with the visible tests as the grader will " +
        "and lists the hidden tests.";

    /// <summary>Namespaces whose types are all allowed (the namespace itself, not the ones below it).</summary>
    static readonly HashSet<string> OpenNamespaces = new(StringComparer.Ordinal)
    {
        "System.Collections", "System.Collections.Generic", "System.Collections.Immutable", "System.Collections.ObjectModel",
        "System.Linq", "System.Text", "System.Text.RegularExpressions", "System.Globalization", "System.Numerics",
    };

    /// <summary>Namespace trees allowed with everything below them, except <see cref="KitDenied"/>.</summary>
    static readonly string[] OpenTrees = { "MathNet.Numerics", "Lectures" };

    /// <summary>The types of namespace System a cell may use (by name; generic arities all).</summary>
    static readonly HashSet<string> SystemTypes = new(StringComparer.Ordinal)
    {
        "Object", "String", "Boolean", "Char", "SByte", "Byte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64", "Int128", "UInt128",
        "Half", "Single", "Double", "Decimal", "Void", "ValueType", "Enum", "Array", "Math", "MathF", "Random", "Tuple", "ValueTuple",
        "Nullable", "Func", "Action", "Predicate", "Comparison", "Converter", "Span", "ReadOnlySpan", "Memory", "ReadOnlyMemory",
        "MemoryExtensions", "ArraySegment", "Index", "Range", "DateTime", "DateTimeOffset", "DateOnly", "TimeOnly", "TimeSpan", "DayOfWeek",
        "Guid", "StringComparison", "StringComparer", "StringSplitOptions", "MidpointRounding", "Convert", "BitConverter", "Buffer", "HashCode",
        "Lazy", "FormattableString", "CharEnumerator", "IComparable", "IEquatable", "IFormattable", "IFormatProvider", "ISpanFormattable",
        "IUtf8SpanFormattable", "IParsable", "ISpanParsable", "IDisposable", "ICloneable", "IConvertible", "IProgress", "FlagsAttribute",
        "Exception", "SystemException", "ApplicationException", "AggregateException", "ArgumentException", "ArgumentNullException",
        "ArgumentOutOfRangeException", "ArithmeticException", "ArrayTypeMismatchException", "DivideByZeroException", "FormatException",
        "IndexOutOfRangeException", "InvalidCastException", "InvalidOperationException", "NotFiniteNumberException",
        "NotImplementedException", "NotSupportedException", "NullReferenceException", "ObjectDisposedException", "OverflowException",
        "RankException", "TimeoutException",
    };

    /// <summary>
    /// Types of which a cell may use only the listed members (".ctor" for a constructor), by name: each writes only
    /// to the process's own streams (the grader's worker sends Console.Error to nothing) or reads its clock.
    /// TextWriter's Write/WriteLine are reachable only through Console.Error: no allowed member makes another writer.
    /// </summary>
    static readonly Dictionary<string, string[]> RestrictedTypes = new(StringComparer.Ordinal)
    {
        ["System.Console"] = new[] { "Write", "WriteLine", "Error" },
        ["System.Environment"] = new[] { "NewLine" },
        ["System.IO.TextWriter"] = new[] { "Write", "WriteLine" },
        ["System.Diagnostics.Debug"] = new[] { "Assert", "Fail", "Print", "Write", "WriteIf", "WriteLine", "WriteLineIf" },
        ["System.Diagnostics.Stopwatch"] = new[]
        {
            ".ctor", "StartNew", "Start", "Stop", "Reset", "Restart", "IsRunning", "Elapsed", "ElapsedMilliseconds", "ElapsedTicks",
            "GetTimestamp", "GetElapsedTime", "Frequency", "IsHighResolution", "ToString",
        },
    };

    /// <summary>Single types outside the namespaces above that the compiler uses for allowed code (string interpolation, also in Debug.Assert's message).</summary>
    static readonly HashSet<string> CompilerTypes = new(StringComparer.Ordinal)
    {
        "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler", "System.Runtime.CompilerServices.FormattableStringFactory",
        "System.Diagnostics.Debug.AssertInterpolatedStringHandler", "System.Diagnostics.Debug.WriteIfInterpolatedStringHandler",
    };

    /// <summary>
    /// Types, members and namespaces inside the open namespaces that a cell may not use: members that read or write
    /// files, reach the network, load native code or start threads, and the grader itself. An entry names a
    /// namespace, a type, a member (Type.Member, every overload) or one overload (Type.Member(parameter types)).
    /// </summary>
    public static readonly string[] KitDenied =
    {
        // Queries that compile lambdas to expression trees, and parallel LINQ (worker threads).
        "System.Linq.Queryable", "System.Linq.IQueryable", "System.Linq.IQueryProvider", "System.Linq.EnumerableQuery",
        "System.Linq.IOrderedQueryable", "System.Linq.ParallelEnumerable", "System.Linq.ParallelQuery", "System.Linq.OrderedParallelQuery",
        // MathNet: native providers and the global control of threads and providers.
        "MathNet.Numerics.Control", "MathNet.Numerics.Providers", "MathNet.Numerics.Threading",
        // The kit's file, network and process members.
        "Lectures.Graphs.Datasets", "Lectures.Graphs.CitationGraphReader", "Lectures.Graphs.NpzArchive", "Lectures.Graphs.EdgeListReader.Read",
        "Lectures.Data.Mnist", "Lectures.Data.Digits.Load(string)",
        "Lectures.Torch.Runtime", "Lectures.Torch.Experiments",
        "Lectures.Torch.Sparsification.SparsificationExperiment.Run", "Lectures.Torch.Sparsification.SparsificationResults.WriteCsv",
        "Lectures.Torch.Interactions.InteractionExperiment.Run", "Lectures.Torch.Interactions.InteractionResults.WriteCsv",
        "Lectures.Torch.Finetuning.FinetuningResults.WriteCsv", "Lectures.Torch.LanguageModel.LanguageModelResults.WriteCsv",
        "Lectures.Torch.LanguageModel.LanguageModelExperiment.Run",
        "Lectures.Torch.LanguageModel.CharacterLanguageModel.Save", "Lectures.Torch.LanguageModel.CharacterLanguageModel.Load",
        // Partial credit: only a test cell's own checks count (Checking/CheckSites), so a student cell may not call it.
        "Lectures.Points",
        // The grader, the command line and the kernel extension: only the notebook's display functions.
        "Lectures.Grading", "Lectures.Cli", "Lectures.Interactive",
    };

    /// <summary>Grader types a cell may use although their namespace is denied: the kernel's display functions.</summary>
    static readonly HashSet<string> DisplayTypes = new(StringComparer.Ordinal)
    {
        "Lectures.Grading.Worker.NotebookDisplay", "Lectures.Grading.Worker.DisplayedValue",
    };

    static readonly SymbolDisplayFormat NameFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType);

    static readonly SymbolDisplayFormat OverloadFormat = NameFormat.WithMemberOptions(
        SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters)
        .WithParameterOptions(SymbolDisplayParameterOptions.IncludeType)
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>The first thing the cell (the last syntax tree of <paramref name="compilation"/>) uses that is not allowed, named; or null.</summary>
    public static string? FirstViolation(Compilation compilation)
    {
        var cell = CellSymbols.Of(compilation);
        if (cell.Constructs.Count > 0) return cell.Constructs[0];
        var checker = new Checker();
        foreach (var symbol in cell.Symbols)
            if (checker.Violation(symbol) is { } name) return name;
        return null;
    }

    /// <summary>True for a symbol declared in the notebook itself (a script submission), not in a referenced assembly.</summary>
    public static bool IsNotebookSymbol(ISymbol symbol)
    {
        for (var s = symbol; s is not null; s = s.ContainingType)
            if (s is INamedTypeSymbol { IsScriptClass: true } || s is INamedTypeSymbol { IsAnonymousType: true }) return true;
        return false;
    }

    /// <summary>Remembers the verdict for each type, which cells repeat.</summary>
    sealed class Checker
    {
        readonly Dictionary<ITypeSymbol, string?> types = new(SymbolEqualityComparer.Default);

        public string? Violation(ISymbol symbol) => symbol switch
        {
            ITypeSymbol type => Type(type),
            ILocalSymbol local => Type(local.Type),
            IParameterSymbol parameter => Type(parameter.Type),
            IDiscardSymbol discard => Type(discard.Type),
            IMethodSymbol method => Method(method),
            IPropertySymbol or IFieldSymbol or IEventSymbol => Member(symbol, MemberTypes(symbol)),
            _ => null,
        };

        static IEnumerable<ITypeSymbol> MemberTypes(ISymbol symbol) => symbol switch
        {
            IPropertySymbol p => p.Parameters.Select(x => x.Type).Prepend(p.Type),
            IFieldSymbol f => new[] { f.Type },
            IEventSymbol e => new[] { e.Type },
            _ => Array.Empty<ITypeSymbol>(),
        };

        string? Method(IMethodSymbol method)
        {
            var definition = method.ReducedFrom ?? method;
            var signature = method.TypeArguments.Concat(method.Parameters.Select(p => p.Type)).Append(method.ReturnType);
            if (method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction) return First(signature);
            if (method.ContainingType is { TypeKind: TypeKind.Delegate } && method.MethodKind is MethodKind.DelegateInvoke)
                return Type(method.ContainingType);
            return Member(definition, signature);
        }

        string? Member(ISymbol member, IEnumerable<ITypeSymbol> signature)
        {
            if (member.ContainingType is not { } owner) return null;
            if (!IsNotebookSymbol(member))
            {
                var ownerName = owner.OriginalDefinition.ToDisplayString(NameFormat);
                var name = member.OriginalDefinition.ToDisplayString(NameFormat);
                if (Type(owner) is { } bad) return bad;
                if (RestrictedTypes.TryGetValue(ownerName, out var allowed) && !allowed.Contains(member.Name)) return name;
                if (!DisplayTypes.Contains(ownerName) && (Denied(name) || Denied(member.OriginalDefinition.ToDisplayString(OverloadFormat)))) return name;
            }
            return First(signature);
        }

        string? First(IEnumerable<ITypeSymbol> types)
        {
            foreach (var t in types)
                if (Type(t) is { } bad) return bad;
            return null;
        }

        public string? Type(ITypeSymbol type)
        {
            if (types.TryGetValue(type, out var known)) return known;
            types[type] = null;   // a type that refers to itself (class C : IEquatable<C>) is judged by its other parts
            var verdict = type switch
            {
                { TypeKind: TypeKind.Dynamic } => "dynamic",
                IPointerTypeSymbol or IFunctionPointerTypeSymbol => "pointers",
                IArrayTypeSymbol array => Type(array.ElementType),
                ITypeParameterSymbol => null,
                INamedTypeSymbol named => Named(named),
                _ => null,
            };
            types[type] = verdict;
            return verdict;
        }

        string? Named(INamedTypeSymbol named)
        {
            if (First(named.TypeArguments) is { } argument) return argument;
            if (IsNotebookSymbol(named)) return null;
            var definition = named.OriginalDefinition;
            var name = definition.ToDisplayString(NameFormat);
            if (definition.ContainingType is { } outer)
                return CompilerTypes.Contains(name) ? null : RestrictedTypes.ContainsKey(outer.OriginalDefinition.ToDisplayString(NameFormat)) ? name : Type(outer) is null && !Denied(name) ? null : name;
            return Allowed(name, definition.ContainingNamespace?.ToDisplayString() ?? "", definition.Name) ? null : name;
        }
    }

    static bool Allowed(string fullName, string ns, string name)
    {
        if (DisplayTypes.Contains(fullName) || CompilerTypes.Contains(fullName) || RestrictedTypes.ContainsKey(fullName)) return true;
        if (Denied(fullName)) return false;
        if (ns == "System") return SystemTypes.Contains(name);
        return OpenNamespaces.Contains(ns) || OpenTrees.Any(t => ns == t || ns.StartsWith(t + ".", StringComparison.Ordinal));
    }

    /// <summary>True when <paramref name="name"/> is an entry of <see cref="KitDenied"/> or lies below one.</summary>
    static bool Denied(string name) =>
        KitDenied.Any(d => name == d || name.StartsWith(d + ".", StringComparison.Ordinal) || name.StartsWith(d + "(", StringComparison.Ordinal));
}
