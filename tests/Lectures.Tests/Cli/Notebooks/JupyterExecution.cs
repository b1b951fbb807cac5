using System.Diagnostics;
using Lectures.Cli.Notebooks;
using Lectures.Cli.Kit;

namespace Lectures.Tests.Cli.Notebooks;

/// <summary>Executes a notebook through real Jupyter: Debian's nbclient, driven by execute_notebook.py beside the tests.</summary>
public static class JupyterExecution
{
    /// <summary>
    /// Runs <paramref name="notebook"/> on kernel <paramref name="kernelName"/> of <paramref name="prefix"/>, in the
    /// notebook's folder, and reads the executed copy written to <paramref name="executedPath"/> like the main job's runs.
    /// </summary>
    public static NotebookRun Run(JupyterPrefix prefix, string kernelName, string notebook, string executedPath, TimeSpan timeout)
    {
        notebook = Path.GetFullPath(notebook);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(executedPath))!);
        var script = Path.Combine(AppContext.BaseDirectory, "Cli", "Notebooks", "execute_notebook.py");
        var clock = Stopwatch.StartNew();
        var result = Shell.Run(JupyterPrefix.Python, [script, notebook, executedPath, kernelName, ((int)timeout.TotalSeconds).ToString()],
            Path.GetDirectoryName(notebook)!, timeout + TimeSpan.FromSeconds(30), environment: prefix.Environment);
        clock.Stop();
        if (result.TimedOut || !File.Exists(executedPath))
            return NotebookRun.WithoutOutput(notebook, clock.Elapsed,
                new CellFailure(0, $"nbclient wrote no executed notebook (exit code {result.ExitCode}):\n{result.Output.Trim()}"), result.Output);
        var exited = result.ExitCode == 0 ? null : new CellFailure(0, $"nbclient exited with code {result.ExitCode}:\n{result.Output.Trim()}");
        return NotebookRun.FromExecuted(notebook, executedPath, clock.Elapsed, exited, result.Output);
    }
}
