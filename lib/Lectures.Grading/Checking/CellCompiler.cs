using System.Text.RegularExpressions;
using Lectures.Grading.Sandbox;
using Lectures.Grading.Scoring;
using Lectures.Grading.Worker;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Lectures.Grading.Checking;

/// <summary>A code cell to compile: its key, its C# source, and whether it is the instructor's (trusted) or the student's.</summary>
/// <param name="Key">The key its outcome is reported under.</param>
/// <param name="Source">The C# source, kernel directives included.</param>
/// <param name="Trusted">True for the instructor's cells (tests, read-only cells): not held to the allow-list.</param>
/// <param name="GradeId">A trusted cell's grade id: it labels the cell's declarations in the test contract.</param>
/// <param name="Contract">A trusted cell's bindings after the instructor's solution (<see cref="CellCompiler.Bindings"/>);
/// when given, the cell must bind nothing else (see <see cref="TestContract"/>).</param>
/// <param name="Test">True for a trusted test cell: its Points.Check calls are its partial-credit checks (<see cref="CheckSites"/>).</param>
/// <param name="Label">The cell's name in messages to the student (its gradebook label), or null for <paramref name="Key"/>.</param>
public sealed record SourceCell(string Key, string Source, bool Trusted, string? GradeId = null, IReadOnlyList<string>? Contract = null, bool Test = false, string? Label = null);

/// <summary>The compiled cells of one notebook, and the cells that did not get that far (compile errors, refused cells).</summary>
/// <param name="Cells">The cells that compiled, in order, ready for the worker.</param>
/// <param name="Rejected">The outcome of every cell that is not run: it did not compile, was refused, or is empty (passed).</param>
public sealed record CompiledNotebook(IReadOnlyList<WorkerCell> Cells, IReadOnlyList<CellOutcome> Rejected);

/// <summary>
/// Compiles a notebook's code cells as one chain of C# script submissions, the way the .NET Interactive C# kernel
/// does: each cell sees what the cells before it declared. A cell that does not compile is left out of the chain,
/// as a kernel leaves it out of its state, and so is a cell refused by one of the checks (<see cref="CellChecks"/>:
/// the allow-list for student cells, the test contract for trusted ones). A later cell that fails only because
/// names declared in such a cell are missing (CS0103, CS0246) says so: "Boundary is defined in cell sol-boundary,
/// which was not run: it uses System.Diagnostics.Process." A trusted test cell's Points.Check calls are then
/// rewritten to carry site ids (<see cref="CheckSites"/>). Compiling is a pure function of the cells but for those
/// ids, which are random.
/// </summary>
public static partial class CellCompiler
{
    /// <summary>The kit's notebook package reference; compiled cells reference the kit's assemblies directly.</summary>
    [GeneratedRegex("""^\s*#r\s+"nuget:\s*Lectures\s*(,[^"]*)?"\s*$""", RegexOptions.Multiline)]
    private static partial Regex KitReference();

    /// <summary>Kernel lines that change nothing when grading: the C# kernel selector and #!time (the cell just runs).</summary>
    [GeneratedRegex(@"^[ \t]*#!(csharp|c#|time)[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex NeutralDirective();

    /// <summary>Other kernel directives: package and file references, #load, magic commands.</summary>
    [GeneratedRegex("""^\s*#(r|load|!)\b.*$""", RegexOptions.Multiline)]
    private static partial Regex Directive();

    /// <summary>The namespaces the .NET Interactive C# kernel imports in every notebook, and the grader's display functions.</summary>
    static readonly string[] KernelImports =
        { "System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks", "Lectures.Grading.Worker",
          "Lectures.Grading.Worker.NotebookDisplay" };

    static readonly Lazy<ScriptOptions> Options = new(() => ScriptOptions.Default
        .WithReferences(ReferencePaths().Select(p => MetadataReference.CreateFromFile(p)))
        .WithImports(KernelImports)
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithAllowUnsafe(false));

    /// <summary>
    /// Compiles <paramref name="cells"/> in order, refusing the cells that break one of <paramref name="checks"/>
    /// (default <see cref="CellChecks.All"/>); throws OperationCanceledException when <paramref name="cancel"/>
    /// fires first (the grader's bound on a submission's compile time).
    /// </summary>
    public static CompiledNotebook Compile(IReadOnlyList<SourceCell> cells, IReadOnlyList<CellCheck>? checks = null, CancellationToken cancel = default)
    {
        checks ??= CellChecks.All;
        var compiled = new List<WorkerCell>();
        var rejected = new List<CellOutcome>();
        var chain = new Chain(cancel);
        foreach (var cell in cells)
        {
            // Roslyn does not check the token inside a small compilation, so the bound is checked between cells too.
            cancel.ThrowIfCancellationRequested();
            var (compilation, outcome) = chain.Add(cell, checks);
            if (outcome is not null)
            {
                rejected.Add(outcome);
                continue;
            }
            IReadOnlyList<string>? sites = null;
            if (cell is { Trusted: true, Test: true } && CheckSites.Rewrite(compilation!) is var (rewritten, ids))
                (compilation, sites) = (chain.Replace(rewritten), ids);
            using var image = new MemoryStream();
            var emitted = compilation!.Emit(image, cancellationToken: cancel);
            if (!emitted.Success)
                throw new InvalidOperationException($"Cell {cell.Key} compiled but could not be emitted: {string.Join("; ", emitted.Diagnostics)}");
            var entry = compilation.GetEntryPoint(cancel)
                ?? throw new InvalidOperationException($"Cell {cell.Key} compiled to a script without an entry point.");
            compiled.Add(new WorkerCell(cell.Key, image.ToArray(), entry.ContainingType.MetadataName, Skip: false, sites));
        }
        return new CompiledNotebook(compiled, rejected);
    }

    /// <summary>
    /// The test contract of a notebook: the bindings (see <see cref="TestContract"/>) of each trusted cell with a
    /// grade id that compiles, by grade id. The grader computes it once per assignment from the instructor's cells.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Bindings(IReadOnlyList<SourceCell> cells)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var chain = new Chain();
        foreach (var cell in cells)
        {
            var (compilation, outcome) = chain.Add(cell, []);
            if (outcome is null && cell is { Trusted: true, GradeId: { } id })
                result[id] = TestContract.Of(compilation!, chain.Labels).Select(b => b.Binding).ToList();
        }
        return result;
    }

    /// <summary>The grade ids of <paramref name="cells"/>' trusted cells with the notebook types each compares (should be none).</summary>
    public static IReadOnlyList<(string Cell, string Type)> ComparedNotebookTypes(IReadOnlyList<SourceCell> cells)
    {
        var found = new List<(string, string)>();
        var chain = new Chain();
        foreach (var cell in cells)
        {
            var (compilation, outcome) = chain.Add(cell, []);
            if (outcome is null && cell.Trusted)
                found.AddRange(TestContract.ComparedNotebookTypes(compilation!).Select(t => (cell.GradeId ?? cell.Key, t.ToDisplayString())));
        }
        return found;
    }

    /// <summary>The script chain being built: each accepted cell continues it, and labels its script class for the contract.</summary>
    sealed class Chain(CancellationToken cancel = default)
    {
        Script? previous;
        readonly Dictionary<string, string> labels = new(StringComparer.Ordinal);
        /// <summary>Each name declared by a cell left out of the chain, and not declared again since: "defined in cell X, which was not run: why".</summary>
        readonly Dictionary<string, string> notRun = new(StringComparer.Ordinal);

        /// <summary>The assembly name of each accepted cell to the cell's label (its grade id, or "student").</summary>
        public IReadOnlyDictionary<string, string> Labels => labels;

        /// <summary>
        /// Compiles <paramref name="cell"/> after the accepted cells and applies <paramref name="checks"/> in order;
        /// returns its compilation, or the outcome of a cell left out.
        /// </summary>
        public (Compilation? Compilation, CellOutcome? Rejected) Add(SourceCell cell, IReadOnlyList<CellCheck> checks)
        {
            var source = NeutralDirective().Replace(KitReference().Replace(cell.Source, ""), "");
            if (Directive().Match(source) is { Success: true } directive)
                return (null, new CellOutcome(cell.Key, GradeStatus.CompileError,
                    $"The directive '{directive.Value.Trim()}' is not available when grading: only #r \"nuget: Lectures, *-*\", #!csharp and #!time are."));
            if (source.Trim().Length == 0) return (null, new CellOutcome(cell.Key, GradeStatus.Passed, ""));
            var (script, compilation) = Continue(source);
            // A cell of only comments, usings or #nullable/#region lines compiles to a submission Roslyn cannot
            // emit; an empty statement keeps its usings in the chain, as the kernel does.
            if (compilation.SyntaxTrees.Last().GetCompilationUnitRoot().Members.Count == 0) (script, compilation) = Continue(source + "\n;");
            var errors = compilation.GetDiagnostics(cancel).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                var message = MissingNames(errors) ?? string.Join("\n", errors.Take(3).Select(e => e.ToString()));
                LeftOut(cell, compilation, "it does not compile");
                return (null, new CellOutcome(cell.Key, GradeStatus.CompileError, message));
            }
            labels[compilation.AssemblyName!] = cell.Trusted ? cell.GradeId ?? cell.Key : TestContract.StudentLabel;
            if (checks.Select(check => check(cell, compilation, labels)).FirstOrDefault(o => o is not null) is { } refused)
            {
                labels.Remove(compilation.AssemblyName!);
                LeftOut(cell, compilation, refused.Status == GradeStatus.ForbiddenApi && ApiPolicy.FirstViolation(compilation) is { } api
                    ? $"it uses {api}" : $"it was refused ({refused.Status.Name()})");
                return (null, refused);
            }
            foreach (var name in Declared(compilation)) notRun.Remove(name);
            previous = script;
            return (compilation, null);
        }

        /// <summary>Compiles <paramref name="source"/> in place of the cell accepted last (its rewritten form); throws when it does not compile.</summary>
        public Compilation Replace(string source)
        {
            var accepted = previous!;
            var script = accepted.Previous is { } before ? before.ContinueWith(source, Options.Value) : CSharpScript.Create(source, Options.Value);
            var compilation = script.GetCompilation();
            if (compilation.GetDiagnostics(cancel).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
                throw new InvalidOperationException($"A test cell's rewritten checks do not compile: {error}");
            var name = accepted.GetCompilation().AssemblyName!;
            labels[compilation.AssemblyName!] = labels[name];
            labels.Remove(name);
            previous = script;
            return compilation;
        }

        /// <summary>Remembers the names <paramref name="cell"/> declares as defined in a cell that was not run, because <paramref name="why"/>.</summary>
        void LeftOut(SourceCell cell, Compilation compilation, string why)
        {
            foreach (var name in Declared(compilation)) notRun[name] = $"{name} is defined in cell {cell.Label ?? cell.Key}, which was not run: {why}.";
        }

        /// <summary>
        /// When every error is a missing name (CS0103, CS0246) declared by a cell that was not run, one sentence per
        /// such name saying where it is defined and why that cell did not run; else null.
        /// </summary>
        string? MissingNames(IReadOnlyList<Diagnostic> errors)
        {
            var reasons = new List<string>();
            foreach (var error in errors)
            {
                if (error.Id is not ("CS0103" or "CS0246") || error.Location.SourceTree is not { } tree) return null;
                var name = tree.GetText().ToString(error.Location.SourceSpan).Split('<')[0].Trim();
                if (!notRun.TryGetValue(name, out var reason)) return null;
                if (!reasons.Contains(reason)) reasons.Add(reason);
            }
            return string.Join("\n", reasons);
        }

        /// <summary>The names the cell (last submission of <paramref name="compilation"/>) declares: its methods, fields, properties and types.</summary>
        static IEnumerable<string> Declared(Compilation compilation) =>
            compilation.ScriptClass?.GetMembers().Where(m => !m.IsImplicitlyDeclared && m.CanBeReferencedByName).Select(m => m.Name).Distinct()
            ?? Enumerable.Empty<string>();

        (Script Script, Compilation Compilation) Continue(string source)
        {
            var script = previous is null ? CSharpScript.Create(source, Options.Value) : previous.ContinueWith(source, Options.Value);
            return (script, script.GetCompilation());
        }
    }

    /// <summary>The framework's assemblies, this one (Display), and the kit's: Lectures.dll and the assemblies it references that sit beside it.</summary>
    static IEnumerable<string> ReferencePaths()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "netstandard.dll" or "mscorlib.dll" or "Microsoft.CSharp.dll"));
        var self = typeof(NotebookDisplay).Assembly.Location;
        var folder = Path.GetDirectoryName(self)!;
        // Read Lectures.dll's references from its metadata: the grader compiles against the kit without loading it.
        var kit = Path.Combine(folder, "Lectures.dll");
        if (!File.Exists(kit)) return framework.Append(self).ToList();
        using var pe = new PEReader(File.OpenRead(kit));
        var metadata = pe.GetMetadataReader();
        var referenced = metadata.AssemblyReferences
            .Select(h => Path.Combine(folder, metadata.GetString(metadata.GetAssemblyReference(h).Name) + ".dll"))
            .Where(File.Exists);
        return framework.Append(self).Append(kit).Concat(referenced).Distinct().ToList();
    }
}
