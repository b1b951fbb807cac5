using System.Text.Json.Nodes;

namespace Lectures.Kernel.Display;

/// <summary>Where the running cell's outputs go: its stdout/stderr text, its displayed values, and its input requests.</summary>
public abstract class CellOutput
{
    static volatile CellOutput? current;

    /// <summary>The output of the cell that runs now, or null between cells.</summary>
    public static CellOutput? Current { get => current; set => current = value; }

    /// <summary>Sends <paramref name="text"/> on the stream <paramref name="name"/> ("stdout" or "stderr").</summary>
    public abstract void Stream(string name, string text);

    /// <summary>Shows the MIME bundle <paramref name="data"/> under <paramref name="displayId"/>, or replaces what it showed when <paramref name="update"/>.</summary>
    public abstract void Display(JsonObject data, string displayId, bool update);

    /// <summary>Asks the frontend for one line of input after showing <paramref name="prompt"/>; throws when the frontend does not accept input.</summary>
    public abstract string ReadLine(string prompt);
}
