namespace Lectures.Cli.Notebooks;

/// <summary>
/// Executes a notebook top to bottom from a fresh kernel, with the notebook's folder as working directory, on the
/// chosen <see cref="NotebookEngine"/>, and writes the executed notebook (the source's cells, ids and metadata
/// with the outputs, execution counts and per-cell times filled in).
/// </summary>
public static class NotebookRunner
{
    /// <summary>Runs <paramref name="notebook"/> on <paramref name="engine"/> and writes the executed copy to <paramref name="executedPath"/>.</summary>
    public static NotebookRun Run(string notebook, string executedPath, TimeSpan timeout, NotebookEngine engine)
    {
        notebook = Path.GetFullPath(notebook);
        return engine switch
        {
            NotebookEngine.Kit => KitKernelExecution.Run(notebook, executedPath, timeout),
            NotebookEngine.DotnetInteractive => DotnetReplExecution.Run(notebook, executedPath, timeout),
            _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "unknown engine"),
        };
    }
}
