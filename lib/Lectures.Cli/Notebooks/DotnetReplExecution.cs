using System.Diagnostics;
using System.Text.Json.Nodes;
using Lectures.Cli.Kit;

namespace Lectures.Cli.Notebooks;

/// <summary>
/// Executes a notebook from a fresh .NET Interactive kernel with dotnet-repl (pinned in .config/dotnet-tools.json),
/// with the notebook's folder as working directory, and writes the executed notebook with package-restore progress
/// collapsed to its last update.
/// </summary>
static class DotnetReplExecution
{
    /// <summary>Runs <paramref name="notebook"/> (a full path) and writes the executed copy to <paramref name="executedPath"/>.</summary>
    public static NotebookRun Run(string notebook, string executedPath, TimeSpan timeout)
    {
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
                return NotebookRun.WithoutOutput(notebook, clock.Elapsed,
                    new CellFailure(0, $"the notebook did not finish within {timeout.TotalSeconds:0} s"), result.Output);
            if (!File.Exists(raw))
                return NotebookRun.WithoutOutput(notebook, clock.Elapsed,
                    new CellFailure(0, $"the kernel wrote no output (exit code {result.ExitCode}):\n{result.Output.Trim()}"), result.Output);

            var executed = NotebookDocument.Load(raw);
            Tidy(executed, source);
            executed.Save(executedPath);
            var exited = result.ExitCode == 0 ? null
                : new CellFailure(0, $"the kernel exited with code {result.ExitCode} but no cell recorded an error:\n{result.Output.Trim()}");
            return NotebookRun.FromExecuted(notebook, executedPath, clock.Elapsed, exited, result.Output);
        }
        finally
        {
            File.Delete(raw);
        }
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
