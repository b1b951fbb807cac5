using Lectures.Kernel.Protocol;

namespace Lectures.Tests.Kernel.Protocol;

public class ConnectionInfoTests : TemporaryDirectoryTest
{
    string Write(string json)
    {
        var path = Path.Combine(Root, "connection.json");
        File.WriteAllText(path, json);
        return path;
    }

    const string Ports = "\"shell_port\": 5001, \"control_port\": 5002, \"iopub_port\": 5003, \"stdin_port\": 5004, \"hb_port\": 5005";

    [Fact]
    public void ReadsTheAddressPortsAndKey()
    {
        var info = ConnectionInfo.Read(Write($$"""{"transport": "tcp", "ip": "127.0.0.1", {{Ports}}, "key": "abc", "signature_scheme": "hmac-sha256"}"""));
        Assert.Equal("tcp://127.0.0.1:5003", info.Address(info.IopubPort));
        Assert.Equal("abc", info.Key);
        Assert.True(info.IsLoopback);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.2", true)]
    [InlineData("::1", true)]
    [InlineData("localhost", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("192.168.1.5", false)]
    public void OnlyLoopbackAddressesCountAsLoopback(string ip, bool loopback) =>
        Assert.Equal(loopback, new ConnectionInfo { Ip = ip }.IsLoopback);

    [Fact]
    public void AnotherSignatureSchemeIsRefusedByName()
    {
        var e = Assert.Throws<InvalidDataException>(() => ConnectionInfo.Read(Write($$"""{"ip": "127.0.0.1", {{Ports}}, "signature_scheme": "hmac-md5"}""")));
        Assert.Contains("hmac-md5", e.Message);
    }

    [Fact]
    public void AMissingPortIsRefusedByName()
    {
        var e = Assert.Throws<InvalidDataException>(() => ConnectionInfo.Read(Write("""{"ip": "127.0.0.1", "shell_port": 5001}""")));
        Assert.Contains("control_port = 0", e.Message);
    }
}
