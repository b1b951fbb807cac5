using System.Text.Json.Nodes;

namespace Lectures.Kernel.Client;

/// <summary>What one executed cell gave, ready to store in a notebook.</summary>
/// <param name="Status">The execute_reply's status: "ok", "error" or "aborted".</param>
/// <param name="ExecutionCount">The execution count the kernel gave the cell.</param>
/// <param name="Outputs">The cell's outputs in nbformat 4 form (output_type stream, display_data, execute_result, error), consecutive
/// stream text of one name merged, updated displays updated, as nbclient stores them.</param>
/// <param name="Reply">The execute_reply's content.</param>
public sealed record KernelCellResult(string Status, int ExecutionCount, IReadOnlyList<JsonObject> Outputs, JsonObject Reply)
{
    /// <summary>True when the cell ran to its end.</summary>
    public bool Succeeded => Status == "ok";

    /// <summary>All stdout text of the cell.</summary>
    public string Stdout => StreamText("stdout");

    /// <summary>All stderr text of the cell.</summary>
    public string Stderr => StreamText("stderr");

    /// <summary>The error output ("ename: evalue"), or null.</summary>
    public string? Error => Outputs.FirstOrDefault(o => (string?)o["output_type"] == "error") is { } e ? $"{e["ename"]}: {e["evalue"]}" : null;

    /// <summary>The text/plain of the execute_result, or null.</summary>
    public string? ResultText => Outputs.FirstOrDefault(o => (string?)o["output_type"] == "execute_result")?["data"]?["text/plain"]?.GetValue<string>();

    string StreamText(string name) => string.Concat(Outputs.Where(o => (string?)o["output_type"] == "stream" && (string?)o["name"] == name).Select(o => (string?)o["text"]));
}
