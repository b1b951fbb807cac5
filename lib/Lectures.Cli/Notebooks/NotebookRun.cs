using System.Text.Json.Nodes;

namespace Lectures.Cli.Notebooks;

/// <summary>The first failing cell of a run: its 1-based number among all cells (0: no cell), and the error it raised.</summary>
public sealed record CellFailure(int CellNumber, string Error)
{
    /// <summary>"cell N: error".</summary>
    public override string ToString() => $"cell {CellNumber}: {Error}";
}

/// <summary>The result of executing one notebook headless.</summary>
/// <param name="Notebook">The source notebook.</param>
/// <param name="ExecutedPath">Where the executed notebook was written (null if the kernel wrote none).</param>
/// <param name="Elapsed">Wall-clock time of the whole run, kernel start included.</param>
/// <param name="Failure">The first failing cell, or null when every cell passed.</param>
/// <param name="SilentCells">1-based numbers of code cells that produced no output, except cells of only directives
/// (<c>#r</c>, <c>#!</c>): the kit's kernel loads the kit's package silently, .NET Interactive reports the restore.</param>
/// <param name="SlowestCell">The slowest code cell's number and seconds (0 when unknown).</param>
/// <param name="Log">What the runner printed.</param>
public sealed record NotebookRun(string Notebook, string? ExecutedPath, TimeSpan Elapsed, CellFailure? Failure,
    IReadOnlyList<int> SilentCells, (int Cell, double Seconds) SlowestCell, string Log)
{
    /// <summary>True when every cell ran without error.</summary>
    public bool Passed => Failure is null;

    /// <summary>A run that wrote no executed notebook, failing with <paramref name="failure"/>.</summary>
    public static NotebookRun WithoutOutput(string notebook, TimeSpan elapsed, CellFailure failure, string log) =>
        new(notebook, null, elapsed, failure, Array.Empty<int>(), (0, 0), log);

    /// <summary>
    /// The run of <paramref name="notebook"/> read from its executed copy at <paramref name="executedPath"/>: the first
    /// error output (else <paramref name="engineFailure"/>, what the engine itself reported), the code cells with code
    /// and no output, and the slowest cell by its recorded start and end times (dotnet-repl's
    /// <c>dotnet_repl_cellExecution*Time</c>, or nbformat's <c>execution</c> metadata as nbclient and the kit's
    /// engine record it).
    /// </summary>
    public static NotebookRun FromExecuted(string notebook, string executedPath, TimeSpan elapsed, CellFailure? engineFailure, string log)
    {
        var executed = NotebookDocument.Load(executedPath);
        return new NotebookRun(notebook, executedPath, elapsed, FirstFailure(executed) ?? engineFailure,
            Silent(executed), Slowest(executed), log);
    }

    static CellFailure? FirstFailure(NotebookDocument nb)
    {
        var cells = nb.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            var error = NotebookDocument.Outputs(cells[i]).FirstOrDefault(o => o["output_type"]?.GetValue<string>() == "error");
            if (error is null) continue;
            var message = error["evalue"]?.GetValue<string>() ?? error["ename"]?.GetValue<string>() ?? "error";
            // The kernel appends the Roslyn scripting stack; the first lines say what went wrong.
            var lines = message.Split('\n').TakeWhile(l => !l.TrimStart().StartsWith("at Microsoft.CodeAnalysis", StringComparison.Ordinal)).Take(12);
            return new CellFailure(i + 1, string.Join("\n", lines).Trim());
        }
        return null;
    }

    static IReadOnlyList<int> Silent(NotebookDocument nb) =>
        nb.Cells.Select((c, i) => (c, i))
            .Where(x => NotebookDocument.Kind(x.c) == "code" && !OnlyDirectives(NotebookDocument.Source(x.c)) && NotebookDocument.Outputs(x.c).Count == 0)
            .Select(x => x.i + 1).ToList();

    /// <summary>True when every non-blank line of <paramref name="source"/> is a directive (starts with #r or #!); true for an empty cell.</summary>
    static bool OnlyDirectives(string source) =>
        source.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
            .All(l => l.StartsWith("#r ", StringComparison.Ordinal) || l.StartsWith("#!", StringComparison.Ordinal));

    static (int, double) Slowest(NotebookDocument nb)
    {
        var best = (0, 0.0);
        var cells = nb.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            if (CellSeconds(cells[i]["metadata"] as JsonObject) is not { } seconds) continue;
            if (seconds > best.Item2) best = (i + 1, seconds);
        }
        return best;
    }

    /// <summary>A cell's execution time from its metadata, or null when it recorded none.</summary>
    static double? CellSeconds(JsonObject? meta)
    {
        var execution = meta?["execution"] as JsonObject;
        var start = meta?["dotnet_repl_cellExecutionStartTime"] ?? execution?["iopub.status.busy"] ?? execution?[KitKernelExecution.RequestSentKey];
        var end = meta?["dotnet_repl_cellExecutionEndTime"] ?? execution?["shell.execute_reply"];
        if (start is not JsonValue s || end is not JsonValue e) return null;
        return (DateTimeOffset.Parse(e.GetValue<string>()) - DateTimeOffset.Parse(s.GetValue<string>())).TotalSeconds;
    }
}
