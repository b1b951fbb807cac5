using System.Text;
using System.Text.Json.Nodes;
using Lectures.Kernel.Protocol;

namespace Lectures.Tests.Kernel.Protocol;

public class MessageSignerTests
{
    static readonly byte[][] Frames = [.. new[] { """{"a":1}""", "{}", "{}", """{"code":"1"}""" }.Select(Encoding.UTF8.GetBytes)];

    [Fact]
    public void SignatureIsTheHexHmacSha256OfTheFourFrames()
    {
        // Reference: Python's hmac.new(b'secret-key', digestmod=hashlib.sha256) updated with the same four frames.
        Assert.Equal("cf91902d477e8b9a31e8154a9f781c352fd929b750ed1763608ba4c2d4a5c996", new MessageSigner("secret-key").Sign(Frames));
    }

    [Fact]
    public void AnEmptyKeySignsNothingAndAcceptsAnything()
    {
        var signer = new MessageSigner("");
        Assert.Equal("", signer.Sign(Frames));
        Assert.True(signer.Verify("anything", Frames));
    }

    [Fact]
    public void AMessageRoundTripsThroughItsWireFrames()
    {
        var signer = new MessageSigner("k");
        var message = JupyterMessage.Create("execute_request", new JsonObject { ["code"] = "6 * 7" }, "session-1", identities: [[1, 2, 3]]);
        var parsed = JupyterMessage.Parse(message.ToFrames(signer), signer, out var problem);
        Assert.Null(problem);
        Assert.Equal("execute_request", parsed!.MessageType);
        Assert.Equal(message.MessageId, parsed.MessageId);
        Assert.Equal("6 * 7", (string?)parsed.Content["code"]);
        Assert.Equal([1, 2, 3], parsed.Identities.Single());
        Assert.Equal("5.3", (string?)parsed.Header["version"]);
    }

    [Fact]
    public void AMessageSignedWithAnotherKeyIsRefused()
    {
        var message = JupyterMessage.Create("execute_request", new JsonObject { ["code"] = "1" }, "s");
        var parsed = JupyterMessage.Parse(message.ToFrames(new MessageSigner("wrong")), new MessageSigner("right"), out var problem);
        Assert.Null(parsed);
        Assert.Equal("bad signature", problem);
    }

    [Fact]
    public void AChangedContentFrameIsRefused()
    {
        var signer = new MessageSigner("k");
        var frames = JupyterMessage.Create("execute_request", new JsonObject { ["code"] = "1" }, "s").ToFrames(signer);
        frames[^1] = Encoding.UTF8.GetBytes("""{"code":"System.Environment.Exit(1)"}""");
        Assert.Null(JupyterMessage.Parse(frames, signer, out var problem));
        Assert.Equal("bad signature", problem);
    }
}
