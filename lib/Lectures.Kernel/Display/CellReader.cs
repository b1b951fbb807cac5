namespace Lectures.Kernel.Display;

/// <summary>Console.In of the kernel process: <c>Console.ReadLine()</c> in a cell asks the frontend for a line (an input_request).</summary>
public sealed class CellReader : TextReader
{
    string pending = "";

    /// <summary>One line from the frontend; throws <see cref="InvalidOperationException"/> outside a cell or when the frontend does not accept input.</summary>
    public override string? ReadLine()
    {
        if (pending.Length > 0)
        {
            var rest = pending;
            pending = "";
            return rest.TrimEnd('\n');
        }
        return (CellOutput.Current ?? throw new InvalidOperationException("Console input is only available while a cell runs.")).ReadLine("");
    }

    /// <summary>One character of the current line (a new line is asked for when it is used up), '\n' at its end.</summary>
    public override int Read()
    {
        if (pending.Length == 0) pending = ReadLine() + "\n";
        var c = pending[0];
        pending = pending[1..];
        return c;
    }

    /// <summary>The next character without using it.</summary>
    public override int Peek()
    {
        if (pending.Length == 0) pending = ReadLine() + "\n";
        return pending[0];
    }
}
