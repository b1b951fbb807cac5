using System.Text;
using System.Text.Json.Nodes;
using Lectures.Kernel.Display;

namespace Lectures.Kernel.Protocol;

/// <summary>
/// The outputs of one execute_request, sent as iopub messages answering it: stream text is gathered and sent every
/// 100 ms (or every 64 KiB), at most <see cref="StreamLimit"/> characters per stream and cell; what is past the limit
/// is counted, not kept, and a note at the end says how much was left out. A silent request sends nothing.
/// </summary>
public sealed class ExecutionOutput : CellOutput, IDisposable
{
    /// <summary>The characters of one stream a cell shows; the rest is dropped (the process's memory stays bounded).</summary>
    public const int StreamLimit = 1_000_000;

    const int FlushSize = 64 * 1024;
    static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(100);

    readonly KernelServer server;
    readonly JupyterMessage request;
    readonly bool silent;
    readonly bool allowStdin;
    readonly object gate = new();
    readonly List<(string Name, StringBuilder Text)> pending = [];
    readonly Dictionary<string, long> written = [];
    readonly Dictionary<string, long> dropped = [];
    readonly Timer timer;
    bool timerArmed;

    /// <summary>The output of <paramref name="request"/>; <paramref name="silent"/> sends nothing; <paramref name="allowStdin"/> lets the cell read input.</summary>
    public ExecutionOutput(KernelServer server, JupyterMessage request, bool silent, bool allowStdin)
    {
        this.server = server;
        this.request = request;
        this.silent = silent;
        this.allowStdin = allowStdin;
        timer = new Timer(_ => Flush());
    }

    /// <summary>Gathers <paramref name="text"/> for the stream <paramref name="name"/>, up to <see cref="StreamLimit"/> per cell.</summary>
    public override void Stream(string name, string text)
    {
        if (silent) return;
        var flushNow = false;
        lock (gate)
        {
            var used = written.GetValueOrDefault(name);
            var room = (int)Math.Max(0, Math.Min(text.Length, StreamLimit - used));
            if (room < text.Length) dropped[name] = dropped.GetValueOrDefault(name) + text.Length - room;
            if (room == 0) return;
            written[name] = used + room;
            if (pending.Count == 0 || pending[^1].Name != name) pending.Add((name, new StringBuilder()));
            pending[^1].Text.Append(text, 0, room);
            if (pending.Sum(p => p.Text.Length) >= FlushSize) flushNow = true;
            else if (!timerArmed)
            {
                timerArmed = true;
                timer.Change(FlushDelay, Timeout.InfiniteTimeSpan);
            }
        }
        if (flushNow) Flush();
    }

    /// <summary>Sends the gathered stream text.</summary>
    public void Flush()
    {
        lock (gate)
        {
            timerArmed = false;
            foreach (var (name, text) in pending)
                server.Publish("stream", new JsonObject { ["name"] = name, ["text"] = text.ToString() }, request);
            pending.Clear();
        }
    }

    /// <summary>Sends the rest of the stream text, and for each stream past its limit a note of how much was left out.</summary>
    public void Finish()
    {
        lock (gate)
            foreach (var (name, count) in dropped)
            {
                if (pending.Count == 0 || pending[^1].Name != name) pending.Add((name, new StringBuilder()));
                pending[^1].Text.Append($"\n[output truncated: {count:N0} more characters were written to {name} than shown; a cell shows at most {StreamLimit:N0}]\n");
            }
        Flush();
    }

    /// <summary>Sends display_data (or update_display_data) after the stream text gathered so far.</summary>
    public override void Display(JsonObject data, string displayId, bool update)
    {
        if (silent) return;
        Flush();
        server.Publish(update ? "update_display_data" : "display_data",
            new JsonObject { ["data"] = data, ["metadata"] = new JsonObject(), ["transient"] = new JsonObject { ["display_id"] = displayId } }, request);
    }

    /// <summary>Asks the frontend for a line (input_request on stdin); throws <see cref="InvalidOperationException"/> when the request did not allow input.</summary>
    public override string ReadLine(string prompt)
    {
        if (!allowStdin)
            throw new InvalidOperationException("Console.ReadLine() asks for input, but this frontend does not accept input (allow_stdin is false, as in nbclient and nbconvert): set the value in the cell instead.");
        Flush();
        return server.RequestInput(request, prompt);
    }

    /// <summary>Stops the flush timer.</summary>
    public void Dispose() => timer.Dispose();
}
