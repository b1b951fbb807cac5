namespace Lectures.Kernel.Execution;

/// <summary>What running one cell gave: its value (when it ends in an expression with a value), or the error it raised.</summary>
/// <param name="HasValue">True when the cell ends in an expression with a value (Roslyn's submission result).</param>
/// <param name="Value">That value.</param>
/// <param name="Error">The error, or null when the cell ran to its end.</param>
public sealed record CellResult(bool HasValue, object? Value, CellError? Error)
{
    /// <summary>A cell that ran to its end without a value.</summary>
    public static readonly CellResult Empty = new(false, null, null);

    /// <summary>A cell that failed with <paramref name="error"/>.</summary>
    public static CellResult Failed(CellError error) => new(false, null, error);
}

/// <summary>A cell's error as Jupyter shows it.</summary>
/// <param name="Name">ename: the exception's type name, "CompilationError", "Interrupted" or "UnsupportedDirective".</param>
/// <param name="Value">evalue: the message.</param>
/// <param name="Traceback">The lines to show, the first saying what happened and where (line and column of the cell).</param>
public sealed record CellError(string Name, string Value, IReadOnlyList<string> Traceback);
