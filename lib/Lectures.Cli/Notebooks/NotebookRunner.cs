using System.Diagnostics;
using System.Text.Json.Nodes;
using Lectures.Cli.Kit;

namespace Lectures.Cli.Notebooks;

/// <summary>The first failing cell of a run: its 1-based number among all cells, and the error it raised.</summary>
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
/// <param name="SilentCells">1-based numbers of code cells that produced no output.</param>
/// <param name="SlowestCell">The slowest code cell's number and seconds (0 when unknown).</param>
/// <param name="Log">What the runner printed.</param>
public sealed record NotebookRun(string Notebook, string? ExecutedPath, TimeSpan Elapsed, CellFailure? Failure,
    IReadOnlyList<int> SilentCells, (int Cell, double Seconds) SlowestCell, string Log)
{
    /// <summary>True when every cell ran without error.</summary>
    public bool Passed => Failure is null;
}

/// <summary>
/// Executes a notebook from a fresh kernel with dotnet-repl (pinned in .config/dotnet-tools.json), with the
/// notebook's folder as working directory, and writes the executed notebook with package-restore progress
/// collapsed to its last update.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Runs <paramref name="notebook"/> and writes the executed copy to <paramref name="executedPath"/>.</summary>
    public static NotebookRun Run(string notebook, string executedPath, TimeSpan timeout)
    {
        notebook = Path.GetFullPath(notebook);
        var source = NotebookDocument.Load(notebook);
        var raw = Path.Combine(Path.GetTempPath(), $"lectures-run-{Guid.NewGuid():N}.ipynb");
        var clock = Stopwatch.StartNew();
        var result = Shell.Run("dotnet",
            new[] { "tool", "run", "dotnet-repl", "--", "--run", notebook, "--exit-after-run", "--output-path", raw },
            Path.GetDirectoryName(notebook)!, timeout);
        clock.Stop();
        try
        {
            if (result.TimedOut)
                return new NotebookRun(notebook, null, clock.Elapsed,
                    new CellFailure(0, $"the notebook did not finish within {timeout.TotalSeconds:0} s"), Array.Empty<int>(), (0, 0), result.Output);
            if (!File.Exists(raw))
                return new NotebookRun(notebook, null, clock.Elapsed,
                    new CellFailure(0, $"the kernel wrote no output (exit code {result.ExitCode}):\n{result.Output.Trim()}"), Array.Empty<int>(), (0, 0), result.Output);

            var executed = NotebookDocument.Load(raw);
            Tidy(executed, source);
            executed.Save(executedPath);
            var failure = FirstFailure(executed) ?? (result.ExitCode == 0 ? null
                : new CellFailure(0, $"the kernel exited with code {result.ExitCode} but no cell recorded an error:\n{result.Output.Trim()}"));
            return new NotebookRun(notebook, executedPath, clock.Elapsed, failure, SilentCells(executed), Slowest(executed), result.Output);
        }
        finally
        {
            File.Delete(raw);
        }
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

    static IReadOnlyList<int> SilentCells(NotebookDocument nb) =>
        nb.Cells.Select((c, i) => (c, i))
            .Where(x => NotebookDocument.Kind(x.c) == "code" && NotebookDocument.Source(x.c).Trim().Length > 0 && NotebookDocument.Outputs(x.c).Count == 0)
            .Select(x => x.i + 1).ToList();

    static (int, double) Slowest(NotebookDocument nb)
    {
        var best = (0, 0.0);
        var cells = nb.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            var meta = cells[i]["metadata"] as JsonObject;
            if (meta?["dotnet_repl_cellExecutionStartTime"] is not JsonValue start || meta["dotnet_repl_cellExecutionEndTime"] is not JsonValue end) continue;
            var seconds = (DateTimeOffset.Parse(end.GetValue<string>()) - DateTimeOffset.Parse(start.GetValue<string>())).TotalSeconds;
            if (seconds > best.Item2) best = (i + 1, seconds);
        }
        return best;
    }

    /// <summary>
    /// Gives the executed cells back their ids, sources and the notebook's metadata, numbers executions, and keeps only the
    /// last of each run of package-restore progress outputs (the kernel records every progress update).
    /// </summary>
    static void Tidy(NotebookDocument executed, NotebookDocument source)
    {
        var cells = executed.Cells;
        var originals = source.Cells;
        var count = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells.Count == originals.Count)
            {
                // dotnet-repl re-encodes sources and can mangle a multi-byte character; the source file is the truth.
                if (originals[i]["id"] is JsonNode id) cells[i]["id"] = id.DeepClone();
                cells[i]["source"] = originals[i]["source"]?.DeepClone();
            }
            if (NotebookDocument.Kind(cells[i]) != "code") continue;
            cells[i]["execution_count"] = ++count;
            if (cells[i]["outputs"] is not JsonArray outputs) continue;
            var kept = new List<JsonNode>();
            foreach (var output in outputs.Where(o => o is not null).Select(o => o!))
            {
                var text = OutputText(output);
                if (text.StartsWith("Loading extensions from", StringComparison.Ordinal)) continue;
                if (IsRestoreProgress(text) && kept.Count > 0 && IsRestoreProgress(OutputText(kept[^1]))) kept.RemoveAt(kept.Count - 1);
                kept.Add(output);
            }
            outputs.Clear();
            foreach (var o in kept) outputs.Add(o);
        }
        foreach (var (key, value) in source.Metadata)
            executed.Json["metadata"]![key] = value?.DeepClone();
    }

    static string OutputText(JsonNode output) =>
        NotebookDocument.Text(output["data"]?["text/html"]) + NotebookDocument.Text(output["data"]?["text/plain"]);

    static bool IsRestoreProgress(string text) =>
        text.Contains("Installing Packages", StringComparison.Ordinal) || text.Contains("Restore sources", StringComparison.Ordinal)
        || text.Contains("Installed Packages", StringComparison.Ordinal);
}
