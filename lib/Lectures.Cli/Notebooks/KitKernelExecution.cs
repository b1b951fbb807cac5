using System.Diagnostics;
using System.Text.Json.Nodes;
using Lectures.Kernel.Client;

namespace Lectures.Cli.Notebooks;

/// <summary>
/// Executes a notebook on the kit's own kernel: starts a fresh kernel process (<see cref="KernelClient"/>) in the
/// notebook's folder, sends the code cells in order, stops at the first cell that raises an error, and writes the
/// source notebook with each executed cell's outputs, execution count and nbformat <c>execution</c> times.
/// </summary>
static class KitKernelExecution
{
    /// <summary>The key of a cell's <c>execution</c> metadata that records when its execute_request was sent.</summary>
    public const string RequestSentKey = "shell.execute_request";

    /// <summary>How long a cell may take to stop once the notebook's time is up and it was interrupted.</summary>
    static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="notebook"/> (a full path) and writes the executed copy to <paramref name="executedPath"/>.</summary>
    public static NotebookRun Run(string notebook, string executedPath, TimeSpan timeout)
    {
        var document = NotebookDocument.Load(notebook);
        var clock = Stopwatch.StartNew();
        var (failure, log) = Execute(document, Path.GetDirectoryName(notebook)!, timeout);
        clock.Stop();
        document.Save(executedPath);
        return NotebookRun.FromExecuted(notebook, executedPath, clock.Elapsed, failure, log);
    }

    /// <summary>
    /// Runs the code cells of <paramref name="document"/> in place; returns what stopped the run early (the time
    /// limit, a kernel that died or would not start), or null, and the kernel's log.
    /// </summary>
    static (CellFailure? Failure, string Log) Execute(NotebookDocument document, string folder, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        KernelClient kernel;
        try
        {
            kernel = KernelClient.StartAsync(new KernelStartOptions { WorkingDirectory = folder }, deadline.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is KernelDiedException or TimeoutException or OperationCanceledException)
        {
            return (new CellFailure(0, $"the kit's kernel did not start: {e.Message}"), "");
        }
        using (kernel)
        {
            var cells = document.Cells;
            for (var i = 0; i < cells.Count; i++)
            {
                if (NotebookDocument.Kind(cells[i]) != "code") continue;
                var sent = DateTimeOffset.UtcNow;
                var running = kernel.ExecuteAsync(NotebookDocument.Source(cells[i]), deadline.Token);
                KernelCellResult result;
                try
                {
                    // Past the deadline the cell is interrupted; one that does not stop then is abandoned with its kernel.
                    result = running.WaitAsync(timeout + InterruptGrace).GetAwaiter().GetResult();
                }
                catch (KernelDiedException e)
                {
                    return (new CellFailure(i + 1, $"the kernel died while running this cell: {e.Message.Split('\n')[0]}"), kernel.Log);
                }
                catch (TimeoutException)
                {
                    return (new CellFailure(i + 1, $"the cell did not stop when interrupted after {timeout.TotalSeconds:0} s"), kernel.Log);
                }
                Record(cells[i], result, sent, DateTimeOffset.UtcNow);
                if (deadline.IsCancellationRequested)
                    return (new CellFailure(i + 1, $"the notebook did not finish within {timeout.TotalSeconds:0} s"), kernel.Log);
                if (!result.Succeeded) return (null, kernel.Log);
            }
            kernel.ShutdownAsync().GetAwaiter().GetResult();
            return (null, kernel.Log);
        }
    }

    /// <summary>Writes a cell's outputs, execution count and times (ISO 8601, as nbclient records them).</summary>
    static void Record(JsonObject cell, KernelCellResult result, DateTimeOffset sent, DateTimeOffset replied)
    {
        cell["execution_count"] = result.ExecutionCount;
        cell["outputs"] = new JsonArray(result.Outputs.Select(o => (JsonNode)o.DeepClone()).ToArray());
        if (cell["metadata"] is not JsonObject metadata) cell["metadata"] = metadata = new JsonObject();
        metadata["execution"] = new JsonObject { [RequestSentKey] = sent.ToString("O"), ["shell.execute_reply"] = replied.ToString("O") };
    }
}
