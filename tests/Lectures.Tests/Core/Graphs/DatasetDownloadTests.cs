using System.Net;
using System.Net.Sockets;
using System.Text;
using Lectures.Cli.Commands;
using Lectures.Graphs;

namespace Lectures.Tests.Core.Graphs;

/// <summary>Downloads of Cora, served from 127.0.0.1: the tests never touch the network.</summary>
public class DatasetDownloadTests
{
    /// <summary>A one-file HTTP server on the loopback that counts the requests it answers.</summary>
    private sealed class LoopbackServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly byte[] body;
        private int requests;

        public LoopbackServer(byte[] body)
        {
            this.body = body;
            listener.Start();
            _ = Task.Run(Serve);
        }

        public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/cora.npz");

        public int Requests => Volatile.Read(ref requests);

        private async Task Serve()
        {
            try
            {
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync();
                    var stream = client.GetStream();
                    var request = new StringBuilder();
                    var buffer = new byte[4096];
                    while (!request.ToString().Contains("\r\n\r\n"))
                    {
                        var k = await stream.ReadAsync(buffer);
                        if (k == 0) break;
                        request.Append(Encoding.ASCII.GetString(buffer, 0, k));
                    }
                    Interlocked.Increment(ref requests);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(
                        $"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n"));
                    await stream.WriteAsync(body);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException) { }
        }

        public void Dispose() => listener.Stop();
    }

    private static byte[] CoraBytes() => File.ReadAllBytes(
        Datasets.SearchDirectories().Select(d => Path.Combine(d, Datasets.CoraFileName)).First(File.Exists));

    private static string TempDirectory() => Directory.CreateTempSubdirectory("lectures-download-").FullName;

    [Fact]
    public void CoraIsDownloadedIntoTheLastDirectoryWhenNoCopyIsFound()
    {
        var (empty, cache) = (TempDirectory(), TempDirectory());
        using var server = new LoopbackServer(CoraBytes());
        try
        {
            var loaded = Datasets.CoraOrFallback([empty, cache], server.Url, fallbackSeed: 0);
            Assert.False(loaded.IsStandIn);
            Assert.Null(loaded.Banner);
            Assert.StartsWith("Cora (gnn-benchmark cora.npz, SHA-256 068e22d9…) from a local folder: Graph with 2708 vertices", loaded.Description);
            Assert.Equal((2708, 5278), (loaded.Graph.VertexCount, loaded.Graph.EdgeCount));
            Assert.Equal(Datasets.CoraSha256, Datasets.Sha256(Path.Combine(cache, "cora.npz")));
            // The second call finds the cached copy and does not download again.
            Datasets.CoraOrFallback([empty, cache], server.Url, fallbackSeed: 0);
            Assert.Equal(1, server.Requests);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void AFileWithAnotherHashIsRefusedAndTheStandInSaysWhy()
    {
        var cache = TempDirectory();
        var tampered = CoraBytes();
        tampered[^1] ^= 1;
        using var server = new LoopbackServer(tampered);
        try
        {
            var loaded = Datasets.CoraOrFallback([cache], server.Url, fallbackSeed: 0);
            Assert.True(loaded.IsStandIn);
            Assert.StartsWith("Stand-in for Cora: the citation-like stochastic block model (seed 0)", loaded.Description);
            Assert.Equal(Lectures.Graphs.GraphFamilies.CitationLike(0).EdgeCount, loaded.Graph.EdgeCount);
            Assert.Contains($"not the pinned {Datasets.CoraSha256}", loaded.StandInReason);
            Assert.Empty(Directory.GetFiles(cache));
            // The banner names the stand-in, what differs and how to get Cora.
            Assert.Contains("Stand-in data", loaded.Banner);
            Assert.Contains("1-WIS falls <em>below</em> random", loaded.Banner);
            Assert.Contains("-- data</code>", loaded.Banner);
            // One attempt per process: asking again does not contact the server.
            Assert.True(Datasets.CoraOrFallback([cache], server.Url, fallbackSeed: 0).IsStandIn);
            Assert.Equal(1, server.Requests);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void ARefusedConnectionFallsBackAtOnce()
    {
        var cache = TempDirectory();
        try
        {
            // Port 9 (discard) on the loopback refuses the connection at once.
            var loaded = Datasets.CoraOrFallback([cache], new Uri("http://127.0.0.1:9/cora.npz"), fallbackSeed: 0);
            Assert.True(loaded.IsStandIn);
            Assert.StartsWith("Downloading http://127.0.0.1:9/cora.npz to ", loaded.StandInReason);
            Assert.Contains("Stand-in for Cora", loaded.Description);
            Assert.Empty(Directory.GetFiles(cache));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void DataCommandSaysWhereCoraIs()
    {
        var output = new StringWriter();
        Assert.Equal(0, DataCommand.Run(output));
        var path = Datasets.SearchDirectories().Select(d => Path.Combine(d, "cora.npz")).First(File.Exists);
        Assert.Contains($"Cora: {path} (SHA-256 {Datasets.CoraSha256})", output.ToString());
        Assert.Equal(2, Lectures.Cli.Program.Run(["data", "--bogus", "1"], output, TextWriter.Null));
    }
}
