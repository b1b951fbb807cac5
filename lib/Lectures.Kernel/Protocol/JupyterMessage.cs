using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Lectures.Kernel.Protocol;

/// <summary>
/// One message of the Jupyter messaging protocol 5.3: the routing identities, header, parent header, metadata and
/// content (JSON), and binary buffers. On the wire: identities, "&lt;IDS|MSG&gt;", signature, the four JSON frames, buffers.
/// </summary>
public sealed class JupyterMessage
{
    /// <summary>The protocol version the kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    /// <summary>The ZeroMQ routing identities (shell, control, stdin) or topic (iopub) before the delimiter.</summary>
    public IReadOnlyList<byte[]> Identities { get; init; } = [];

    /// <summary>msg_id, session, username, date, msg_type, version.</summary>
    public required JsonObject Header { get; init; }

    /// <summary>The header of the message this one answers, or an empty object.</summary>
    public JsonObject ParentHeader { get; init; } = [];

    /// <summary>Free-form metadata.</summary>
    public JsonObject Metadata { get; init; } = [];

    /// <summary>The message's content, as the protocol defines it for <see cref="MessageType"/>.</summary>
    public JsonObject Content { get; init; } = [];

    /// <summary>Binary buffers after the JSON frames.</summary>
    public IReadOnlyList<byte[]> Buffers { get; init; } = [];

    /// <summary>The header's msg_type.</summary>
    public string MessageType => (string?)Header["msg_type"] ?? "";

    /// <summary>The header's msg_id.</summary>
    public string MessageId => (string?)Header["msg_id"] ?? "";

    /// <summary>The msg_id of the parent header, or null.</summary>
    public string? ParentId => (string?)ParentHeader["msg_id"];

    /// <summary>
    /// A new message of <paramref name="type"/> in <paramref name="session"/>, answering <paramref name="parent"/> (its
    /// header becomes the parent header and its identities route the reply), with a fresh msg_id and the current UTC date.
    /// </summary>
    public static JupyterMessage Create(string type, JsonObject content, string session, JupyterMessage? parent = null, IReadOnlyList<byte[]>? identities = null) => new()
    {
        Identities = identities ?? parent?.Identities ?? [],
        Header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = session,
            ["username"] = "lectures",
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["msg_type"] = type,
            ["version"] = ProtocolVersion,
        },
        ParentHeader = parent is null ? [] : (JsonObject)parent.Header.DeepClone(),
        Content = content,
    };

    /// <summary>The wire frames of this message, signed by <paramref name="signer"/>.</summary>
    public List<byte[]> ToFrames(MessageSigner signer)
    {
        var json = new[] { Header, ParentHeader, Metadata, Content }.Select(o => Encoding.UTF8.GetBytes(o.ToJsonString())).ToArray();
        var frames = new List<byte[]>(Identities) { Delimiter, Encoding.ASCII.GetBytes(signer.Sign(json)) };
        frames.AddRange(json);
        frames.AddRange(Buffers);
        return frames;
    }

    /// <summary>
    /// Parses wire frames; returns null and says why in <paramref name="problem"/> when there is no delimiter, fewer
    /// than four JSON frames, a signature that <paramref name="signer"/> does not accept, or JSON that is not an object.
    /// </summary>
    public static JupyterMessage? Parse(IReadOnlyList<byte[]> frames, MessageSigner signer, out string? problem)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) { delimiter = i; break; }
        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            problem = "malformed message (no <IDS|MSG> delimiter or fewer than four JSON frames)";
            return null;
        }
        var json = frames.Skip(delimiter + 2).Take(4).ToArray();
        if (!signer.Verify(Encoding.ASCII.GetString(frames[delimiter + 1]), json))
        {
            problem = "bad signature";
            return null;
        }
        try
        {
            var parts = json.Select(f => JsonNode.Parse(f) as JsonObject ?? throw new FormatException("not a JSON object")).ToArray();
            problem = null;
            return new JupyterMessage
            {
                Identities = frames.Take(delimiter).ToArray(),
                Header = parts[0],
                ParentHeader = parts[1],
                Metadata = parts[2],
                Content = parts[3],
                Buffers = frames.Skip(delimiter + 6).ToArray(),
            };
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            problem = $"malformed JSON frame: {e.Message}";
            return null;
        }
    }
}
