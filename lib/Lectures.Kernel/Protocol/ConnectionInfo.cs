using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lectures.Kernel.Protocol;

/// <summary>A Jupyter connection file: where the kernel's five sockets listen and the key messages are signed with.</summary>
public sealed record ConnectionInfo
{
    /// <summary>"tcp" (the only transport the kernel speaks).</summary>
    [JsonPropertyName("transport")] public string Transport { get; init; } = "tcp";

    /// <summary>The address every socket binds to, e.g. 127.0.0.1.</summary>
    [JsonPropertyName("ip")] public string Ip { get; init; } = "127.0.0.1";

    /// <summary>The shell socket's port (requests and replies).</summary>
    [JsonPropertyName("shell_port")] public int ShellPort { get; init; }

    /// <summary>The control socket's port (interrupt, shutdown).</summary>
    [JsonPropertyName("control_port")] public int ControlPort { get; init; }

    /// <summary>The iopub socket's port (outputs and status, published).</summary>
    [JsonPropertyName("iopub_port")] public int IopubPort { get; init; }

    /// <summary>The stdin socket's port (input requests to the frontend).</summary>
    [JsonPropertyName("stdin_port")] public int StdinPort { get; init; }

    /// <summary>The heartbeat socket's port (echo).</summary>
    [JsonPropertyName("hb_port")] public int HeartbeatPort { get; init; }

    /// <summary>"hmac-sha256", or "" for unsigned messages.</summary>
    [JsonPropertyName("signature_scheme")] public string SignatureScheme { get; init; } = "hmac-sha256";

    /// <summary>The signing key; empty means messages are not signed.</summary>
    [JsonPropertyName("key")] public string Key { get; init; } = "";

    /// <summary>The kernel's name, as Jupyter writes it.</summary>
    [JsonPropertyName("kernel_name")] public string? KernelName { get; init; }

    /// <summary>The NetMQ address of a socket on <paramref name="port"/>: "tcp://IP:PORT".</summary>
    public string Address(int port) => $"{Transport}://{Ip}:{port}";

    /// <summary>True when <see cref="Ip"/> is a loopback address (127.0.0.0/8, ::1 or "localhost").</summary>
    public bool IsLoopback => Ip == "localhost" || (IPAddress.TryParse(Ip, out var address) && IPAddress.IsLoopback(address));

    /// <summary>
    /// Reads and checks a connection file: throws <see cref="InvalidDataException"/> naming the file when it is not
    /// JSON, names a transport other than tcp, a signature scheme other than hmac-sha256, or a port outside 1..65535.
    /// </summary>
    public static ConnectionInfo Read(string path)
    {
        ConnectionInfo info;
        try
        {
            info = JsonSerializer.Deserialize<ConnectionInfo>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"The connection file {path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The connection file {path} is not valid JSON: {e.Message}", e);
        }
        if (info.Transport != "tcp")
            throw new InvalidDataException($"The connection file {path} asks for transport '{info.Transport}'; the kernel speaks only tcp.");
        if (info.SignatureScheme is not ("hmac-sha256" or ""))
            throw new InvalidDataException($"The connection file {path} asks for signature scheme '{info.SignatureScheme}'; the kernel supports hmac-sha256.");
        foreach (var (name, port) in new[] { ("shell_port", info.ShellPort), ("control_port", info.ControlPort), ("iopub_port", info.IopubPort),
                     ("stdin_port", info.StdinPort), ("hb_port", info.HeartbeatPort) })
            if (port is < 1 or > 65535)
                throw new InvalidDataException($"The connection file {path} gives {name} = {port}; expected a port in 1..65535.");
        return info;
    }
}
