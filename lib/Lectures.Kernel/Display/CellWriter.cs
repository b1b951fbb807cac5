using System.Text;

namespace Lectures.Kernel.Display;

/// <summary>Console.Out or Console.Error of the kernel process: what a cell writes goes to the running cell's stream <paramref name="name"/>;
/// what is written between cells goes to <paramref name="between"/> (the kernel's own log).</summary>
public sealed class CellWriter(string name, TextWriter between) : TextWriter
{
    /// <summary>UTF-8.</summary>
    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Sends one character.</summary>
    public override void Write(char value) => Write(value.ToString());

    /// <summary>Sends a span of characters.</summary>
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <summary>Sends a string.</summary>
    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (CellOutput.Current is { } output) output.Stream(name, value);
        else between.Write(value);
    }
}
