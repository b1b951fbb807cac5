using System.Security.Cryptography;

namespace Lectures.Kernel.Protocol;

/// <summary>
/// Signs and checks Jupyter messages: the signature is the lowercase hex HMAC-SHA256, under the connection key,
/// of the header, parent header, metadata and content frames in that order. With an empty key nothing is signed.
/// </summary>
public sealed class MessageSigner(string key)
{
    readonly byte[] key = System.Text.Encoding.UTF8.GetBytes(key);

    /// <summary>hex(HMAC-SHA256(key, frame₁ ‖ frame₂ ‖ frame₃ ‖ frame₄)), or "" when the key is empty.</summary>
    public string Sign(IReadOnlyList<byte[]> frames)
    {
        if (key.Length == 0) return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        foreach (var frame in frames) hmac.AppendData(frame);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>True when <paramref name="signature"/> is the signature of <paramref name="frames"/> (compared in constant time).</summary>
    public bool Verify(string signature, IReadOnlyList<byte[]> frames)
    {
        if (key.Length == 0) return true;
        var expected = System.Text.Encoding.ASCII.GetBytes(Sign(frames));
        var given = System.Text.Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
