using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace Lectures.Kernel.Execution;

/// <summary>
/// One kernel session's C#: cells run as a chain of Roslyn script submissions, so each sees the variables, functions
/// and types of the cells before it. A cell that does not compile leaves the chain as it was; a cell that throws
/// keeps what it assigned before the exception. Cells are rewritten to stop on an interrupt (<see cref="CancellationRewriter"/>).
/// </summary>
public sealed class ScriptSession
{
    /// <summary>The namespaces every cell imports, as in .NET Interactive's C# kernel, and the notebook display functions.</summary>
    public static readonly IReadOnlyList<string> Imports =
        ["System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks", "Lectures.Kernel.Display.NotebookFunctions"];

    static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    readonly PackageRestorer packages;
    readonly Lazy<ScriptOptions> initialOptions;
    ScriptOptions? options;
    volatile ScriptState<object>? state;

    /// <summary>A session whose <c>#r</c> and <c>#load</c> paths are relative to <paramref name="workingDirectory"/>.</summary>
    public ScriptSession(string workingDirectory, PackageRestorer packages)
    {
        this.packages = packages;
        // Reading the references takes a moment: done on first use (the warm-up), not before the kernel answers.
        initialOptions = new(() => ScriptOptions.Default
            .WithReferences(CellReferences.All())
            .WithImports(Imports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(workingDirectory))
            .WithSourceResolver(new SourceFileResolver([], workingDirectory))
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithAllowUnsafe(true));
    }

    ScriptOptions Options => options ??= initialOptions.Value;

    /// <summary>The script that <paramref name="code"/> would be as the session's next cell (for completion and inspection).</summary>
    public Script<object> Continue(string code) =>
        state is { } s ? s.Script.ContinueWith<object>(code, Options) : CSharpScript.Create<object>(code, Options);

    /// <summary>Compiles and runs a trivial submission and loads TorchSharp's native library, so the first cell is fast.</summary>
    public void WarmUp()
    {
        Lectures.Torch.Runtime.TorchRuntime.EnsureLoaded();
        CSharpScript.Create<object>("1", Options).RunAsync().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Runs <paramref name="cell"/> (kernel lines included, see <see cref="CellDirectives"/>) as the next submission.
    /// <paramref name="log"/> receives the notes a cell's kernel lines produce (restores, #!time).
    /// </summary>
    public CellResult Run(string cell, Action<string> log)
    {
        Lectures.Interruption.Reset();
        var directives = CellDirectives.Parse(cell);
        if (directives.Unsupported is { } magic)
            return CellResult.Failed(new CellError("UnsupportedDirective", $"{magic}: not supported by the C# (Lectures) kernel; only #!csharp and #!time are.",
                [$"UnsupportedDirective: {magic}: not supported by the C# (Lectures) kernel; only #!csharp and #!time are."]));
        foreach (var source in directives.Sources) packages.AddSource(source);
        if (directives.Packages.Count > 0)
        {
            try
            {
                options = Options.AddReferences(packages.Restore(directives.Packages, log).Select(p => MetadataReference.CreateFromFile(p)));
            }
            catch (InvalidOperationException e)
            {
                return CellResult.Failed(new CellError("PackageRestoreError", e.Message, [$"PackageRestoreError: {e.Message}"]));
            }
        }
        var clock = Stopwatch.StartNew();
        var result = directives.Code.Trim().Length == 0 ? CellResult.Empty : RunCode(directives.Code);
        if (directives.Timed) log($"Wall time: {clock.Elapsed.TotalMilliseconds:F1} ms\n");
        return result;
    }

    CellResult RunCode(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, ParseOptions);
        var rewritten = tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? code : CancellationRewriter.Rewrite(tree);
        var script = Continue(rewritten);
        var compilation = script.GetCompilation();
        var errors = CompileErrors(script);
        // The checks moved columns on the lines they were put on: report the errors of the cell as written.
        if (errors.Count > 0 && rewritten != code) errors = CompileErrors(Continue(code));
        if (errors.Count > 0) return CellResult.Failed(CompileError(errors));

        var previous = state;
        var next = (previous is null
            ? script.RunAsync(null, _ => true)
            : script.RunFromAsync(previous, _ => true)).GetAwaiter().GetResult();
        state = next;
        if (next.Exception is { } exception) return CellResult.Failed(RuntimeError(exception));
        return new CellResult(HasTrailingValue(compilation), next.ReturnValue, null);
    }

    /// <summary>True when the cell ends in an expression without a semicolon whose type is not void (the submission's result).</summary>
    static bool HasTrailingValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Last();
        if (tree.GetCompilationUnitRoot().Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement })
            return false;
        return compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type is { SpecialType: not SpecialType.System_Void };
    }

    static List<Diagnostic> CompileErrors(Script script) =>
        script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    static CellError CompileError(IReadOnlyList<Diagnostic> errors)
    {
        var lines = errors.Select(e =>
        {
            var position = e.Location.GetLineSpan().StartLinePosition;
            return $"line {position.Line + 1}, column {position.Character + 1}: error {e.Id}: {e.GetMessage()}";
        }).ToList();
        return new CellError("CompilationError", lines[0], lines);
    }

    /// <summary>True when <paramref name="exception"/> is, or wraps only, OperationCanceledExceptions (a parallel loop's AggregateException).</summary>
    static bool CausedByCancellation(Exception exception) => exception switch
    {
        OperationCanceledException => true,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.All(CausedByCancellation),
        { InnerException: { } inner } => CausedByCancellation(inner),
        _ => false,
    };

    /// <summary>The error of an exception a cell raised: its type and message, then the frames, those of cells with their line and column.</summary>
    static CellError RuntimeError(Exception exception)
    {
        if (Lectures.Interruption.Token.IsCancellationRequested && CausedByCancellation(exception))
            return new CellError("Interrupted", "The cell was interrupted.", ["Interrupted: the cell was interrupted; the variables of earlier cells are kept."]);
        var name = exception.GetType().Name;
        var traceback = new List<string> { $"{exception.GetType().FullName}: {exception.Message}" };
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            var space = type?.Namespace ?? "";
            if (space.StartsWith("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal)) break;
            if (space.StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal) || space.StartsWith("System.Runtime.ExceptionServices", StringComparison.Ordinal)) continue;
            traceback.Add(type?.FullName?.StartsWith("Submission#", StringComparison.Ordinal) == true
                ? $"   at line {frame.GetFileLineNumber()}, column {frame.GetFileColumnNumber()} of the cell"
                : $"   at {type?.FullName}.{frame.GetMethod()?.Name}");
        }
        if (exception.InnerException is { } inner) traceback.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
        return new CellError(name, exception.Message, traceback);
    }
}
