using System.Text.Json.Nodes;
using Lectures.Kernel.Protocol;

namespace Lectures.Kernel.Client;

/// <summary>Collects one cell's iopub messages into nbformat 4 outputs, the way nbclient does.</summary>
public sealed class CellOutputs
{
    readonly List<JsonObject> outputs = [];
    readonly Dictionary<string, List<JsonObject>> displays = [];

    /// <summary>The outputs so far.</summary>
    public IReadOnlyList<JsonObject> Outputs => outputs;

    /// <summary>Adds the output an iopub message carries (stream, display_data, update_display_data, execute_result, error, clear_output).</summary>
    public void Add(JupyterMessage message)
    {
        var c = message.Content;
        switch (message.MessageType)
        {
            case "stream":
                if (outputs.Count > 0 && outputs[^1] is var last && (string?)last["output_type"] == "stream" && (string?)last["name"] == (string?)c["name"])
                    last["text"] = (string?)last["text"] + (string?)c["text"];
                else outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = (string?)c["name"], ["text"] = (string?)c["text"] });
                break;
            case "display_data":
                var shown = new JsonObject { ["output_type"] = "display_data", ["data"] = c["data"]?.DeepClone(), ["metadata"] = c["metadata"]?.DeepClone() ?? new JsonObject() };
                outputs.Add(shown);
                if ((string?)c["transient"]?["display_id"] is { } id) (displays.TryGetValue(id, out var list) ? list : displays[id] = []).Add(shown);
                break;
            case "update_display_data":
                if ((string?)c["transient"]?["display_id"] is { } updated && displays.TryGetValue(updated, out var targets))
                    foreach (var target in targets)
                    {
                        target["data"] = c["data"]?.DeepClone();
                        target["metadata"] = c["metadata"]?.DeepClone() ?? new JsonObject();
                    }
                break;
            case "execute_result":
                outputs.Add(new JsonObject
                {
                    ["output_type"] = "execute_result", ["execution_count"] = c["execution_count"]?.DeepClone(),
                    ["data"] = c["data"]?.DeepClone(), ["metadata"] = c["metadata"]?.DeepClone() ?? new JsonObject(),
                });
                break;
            case "error":
                outputs.Add(new JsonObject
                {
                    ["output_type"] = "error", ["ename"] = c["ename"]?.DeepClone(), ["evalue"] = c["evalue"]?.DeepClone(), ["traceback"] = c["traceback"]?.DeepClone(),
                });
                break;
            case "clear_output":
                outputs.Clear();
                displays.Clear();
                break;
        }
    }
}
