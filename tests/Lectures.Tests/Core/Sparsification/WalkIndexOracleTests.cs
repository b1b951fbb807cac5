namespace Lectures.Tests.Core.Sparsification;

using System.Security.Cryptography;
using Lectures.Graphs;
using Lectures.Sparsification;

/// <summary>
/// The exact (L-1)-WIS order must not change: identical edge ids with <see cref="ReferenceWalkIndexSparsifier"/>
/// (the implementation it replaced), run live where the oracle is quick, and through the oracle's recorded
/// checksums where it takes minutes (depth 4 on Cora).
/// </summary>
public class WalkIndexOracleTests
{
    /// <summary>Barabási–Albert (m = 5) with 5,000 edges, the benchmark family.</summary>
    private static Graph BarabasiAlbert() => GraphFamilies.BarabasiAlbert(1003, 5, seed: 1);

    /// <summary>Erdős–Rényi with mean degree 10 and 5,000 edges.</summary>
    private static Graph ErdosRenyi() => GraphFamilies.ErdosRenyiWithEdges(1000, 5000, seed: 1);

    private static Graph Named(string name) => name switch
    {
        "karate" => GraphFamilies.KarateClub(),
        "Barabási–Albert" => BarabasiAlbert(),
        "Erdős–Rényi" => ErdosRenyi(),
        // Depth 4 with the oracle takes minutes at 5,000 edges (every candidate within two hops re-counted): smaller.
        "Barabási–Albert, 600 edges" => GraphFamilies.BarabasiAlbert(123, 5, seed: 1),
        "Erdős–Rényi, 1,000 edges" => GraphFamilies.ErdosRenyiWithEdges(200, 1000, seed: 1),
        "Cora" => Datasets.Cora(),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [InlineData("karate", 3)]
    [InlineData("karate", 4)]
    [InlineData("karate", 5)]
    [InlineData("Barabási–Albert", 3)]
    [InlineData("Erdős–Rényi", 3)]
    [InlineData("Barabási–Albert, 600 edges", 4)]
    [InlineData("Erdős–Rényi, 1,000 edges", 4)]
    [InlineData("Cora", 3)]
    public void ExactOrderEqualsTheOracle(string graph, int depth)
    {
        var g = Named(graph);
        foreach (var rule in new[] { TieRule.SmallestEdge, TieRule.LargestEdge })
            Assert.Equal(ReferenceWalkIndexSparsifier.Order(g, depth, rule), WalkIndexSparsifier.Order(g, depth, rule).EdgeIds);
    }

    /// <summary>
    /// The oracle's orders where it is slow (20 s on a quiet machine, minutes on a loaded one), recorded once as the
    /// first 16 hex digits of SHA-256 over the edge ids (32-bit little-endian, removal order) with
    /// <see cref="Checksum"/>; the full orders were compared id by id with the oracle's when they were recorded.
    /// </summary>
    [Theory]
    [InlineData("Cora", 4, TieRule.SmallestEdge, "2A5C8E3E3436F109")]
    [InlineData("Cora", 4, TieRule.LargestEdge, "459D70E3D17A347E")]
    public void ExactOrderEqualsTheOraclesRecordedOrder(string graph, int depth, TieRule rule, string checksum) =>
        Assert.Equal(checksum, Checksum(WalkIndexSparsifier.Order(Named(graph), depth, rule).EdgeIds));

    [Fact]
    public void ChecksumIsSha256OfTheIdsInOrder()
    {
        // printf '\x01\x00\x00\x00\x00\x00\x00\x00' | sha256sum
        Assert.Equal("7C9FA136D4413FA6", Checksum([1, 0]));
        Assert.NotEqual(Checksum([1, 0]), Checksum([0, 1]));
    }

    /// <summary>The first 16 hex digits of SHA-256 over the ids as 32-bit little-endian integers.</summary>
    internal static string Checksum(IReadOnlyList<int> ids)
    {
        var bytes = new byte[4 * ids.Count];
        for (var k = 0; k < ids.Count; k++) BitConverter.TryWriteBytes(bytes.AsSpan(4 * k), ids[k]);
        return Convert.ToHexString(SHA256.HashData(bytes))[..16];
    }
}
