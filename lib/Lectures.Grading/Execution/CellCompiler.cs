using System.Text.RegularExpressions;
using Lectures.Grading.Worker;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Lectures.Grading.Execution;

/// <summary>A code cell to compile: its key, its C# source, and whether it is the instructor's (trusted) or the student's.</summary>
public sealed record SourceCell(string Key, string Source, bool Trusted);

/// <summary>The compiled cells of one notebook, and the cells that did not get that far (compile errors, forbidden APIs).</summary>
/// <param name="Cells">The cells that compiled, in order, ready for the worker.</param>
/// <param name="Rejected">The outcome of every cell that is not run: it did not compile, was refused, or is empty (passed).</param>
public sealed record CompiledNotebook(IReadOnlyList<WorkerCell> Cells, IReadOnlyList<CellOutcome> Rejected);

/// <summary>
/// Compiles a notebook's code cells as one chain of C# script submissions, the way the .NET Interactive C# kernel
/// does: each cell sees what the cells before it declared. A cell that does not compile is left out of the chain,
/// as a kernel leaves it out of its state. Student cells that use a forbidden API are refused. Compiling here, in
/// the long-lived grader, lets each submission's worker process skip the compiler's start-up (about 3 s a process).
/// </summary>
public static partial class CellCompiler
{
    /// <summary>The kit's notebook package reference; compiled cells reference the kit's assemblies directly.</summary>
    [GeneratedRegex("""^\s*#r\s+"nuget:\s*Lectures\s*(,[^"]*)?"\s*$""", RegexOptions.Multiline)]
    private static partial Regex KitReference();

    /// <summary>Other kernel directives: package and file references, #load, magic commands.</summary>
    [GeneratedRegex("""^\s*#(r|load|!)\b.*$""", RegexOptions.Multiline)]
    private static partial Regex Directive();

    /// <summary>The namespaces the .NET Interactive C# kernel imports in every notebook, and the grader's Display().</summary>
    static readonly string[] KernelImports =
        { "System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks", "Lectures.Grading.Worker" };

    static readonly Lazy<ScriptOptions> Options = new(() => ScriptOptions.Default
        .WithReferences(ReferencePaths().Select(p => MetadataReference.CreateFromFile(p)))
        .WithImports(KernelImports)
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithAllowUnsafe(false));

    /// <summary>Compiles <paramref name="cells"/> in order.</summary>
    public static CompiledNotebook Compile(IReadOnlyList<SourceCell> cells)
    {
        var compiled = new List<WorkerCell>();
        var rejected = new List<CellOutcome>();
        Script? previous = null;
        foreach (var cell in cells)
        {
            var source = KitReference().Replace(cell.Source, "");
            if (Directive().Match(source) is { Success: true } directive)
            {
                rejected.Add(new CellOutcome(cell.Key, CellStatus.CompileError,
                    $"The directive '{directive.Value.Trim()}' is not available when grading: only #r \"nuget: Lectures, *-*\" is."));
                continue;
            }
            if (source.Trim().Length == 0)
            {
                rejected.Add(new CellOutcome(cell.Key, CellStatus.Passed, ""));
                continue;
            }
            var script = previous is null ? CSharpScript.Create(source, Options.Value) : previous.ContinueWith(source, Options.Value);
            var compilation = script.GetCompilation();
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                rejected.Add(new CellOutcome(cell.Key, CellStatus.CompileError, string.Join("\n", errors.Take(3).Select(e => e.ToString()))));
                continue;
            }
            if (!cell.Trusted && ForbiddenApis.FirstUse(compilation) is { } api)
            {
                rejected.Add(new CellOutcome(cell.Key, CellStatus.Forbidden,
                    $"The cell uses {api}; a submission may not use files, processes, the network or reflection."));
                continue;
            }
            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            if (!emitted.Success)
                throw new InvalidOperationException($"Cell {cell.Key} compiled but could not be emitted: {string.Join("; ", emitted.Diagnostics)}");
            var entry = compilation.GetEntryPoint(CancellationToken.None)
                ?? throw new InvalidOperationException($"Cell {cell.Key} compiled to a script without an entry point.");
            compiled.Add(new WorkerCell(cell.Key, image.ToArray(), entry.ContainingType.MetadataName, Skip: false));
            previous = script;
        }
        return new CompiledNotebook(compiled, rejected);
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
