namespace Lectures.Tests.Cli.Commands;

using Lectures.Cli.Commands;
using Lectures.Cli.Kit;
using Lectures.Graphs;
using Lectures.Sparsification;
using Lectures.Tests.Core.Graphs;

/// <summary>`lectures order`, run as the real command (a child process), against the library's orders.</summary>
public sealed class OrderCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lectures-order-").FullName;

    private static string CoraPath => Datasets.SearchDirectories().Select(d => Path.Combine(d, Datasets.CoraFileName)).First(File.Exists);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private Shell.Result Lectures(params string[] args) =>
        Shell.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "Lectures.Cli.dll"), .. args], directory, TimeSpan.FromMinutes(2));

    private static List<Edge> ReadOrder(string path) =>
        File.ReadAllLines(path).Select(line => line.Split('\t')).Select(p => new Edge(int.Parse(p[0]), int.Parse(p[1]))).ToList();

    [Theory]
    [InlineData("2-wis", "smallest")]
    [InlineData("1-wis", null)]
    [InlineData("random", null)]
    public void TheFileHoldsTheLibrarysOrderInTheFilesVertexIds(string method, string? tieRule)
    {
        var output = Path.Combine(directory, "order.tsv");
        string[] args = ["order", CoraPath, "--method", method, "--out", output, .. tieRule is null ? [] : new[] { "--tie-rule", tieRule }];
        if (method == "random") args = [.. args, "--seed", "7"];
        var run = Lectures(args);
        Assert.True(run.ExitCode == 0, run.Output);
        var cora = CitationGraphReader.Read(CoraPath);
        var expected = method switch
        {
            "2-wis" => WalkIndexSparsifier.Order(cora, 3, TieRule.SmallestEdge),
            "1-wis" => OneWalkIndexSparsifier.Order(cora),
            _ => RandomSparsifier.Order(cora, seed: 7),
        };
        var written = ReadOrder(output);
        Assert.Equal(5278, written.Count);
        Assert.Equal(expected.Edges, written);
        Assert.All(written.Take(100), e => Assert.True(e.U < e.V && cora.HasEdge(e.U, e.V)));
        Assert.Contains($"Wrote 5278 edges ({expected.Method}) to {output}", run.Output);
    }

    [Fact]
    public void AnExistingFileIsKeptUnlessForced()
    {
        var output = Path.Combine(directory, "mine.tsv");
        File.WriteAllText(output, "my notes\n");
        var refused = Lectures("order", CoraPath, "--method", "random", "--out", output);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"error: {output} exists; pass --force to overwrite it.", refused.Output.Trim());
        Assert.Equal("my notes\n", File.ReadAllText(output));
        var forced = Lectures("order", CoraPath, "--method", "random", "--out", output, "--force");
        Assert.True(forced.ExitCode == 0, forced.Output);
        Assert.Equal(RandomSparsifier.Order(CitationGraphReader.Read(CoraPath), seed: 0).Edges, ReadOrder(output));
        Assert.Equal([output], Directory.GetFiles(directory));
    }

    [Fact]
    public void BadInputGetsOneErrorLineAndANonZeroExit()
    {
        var output = Path.Combine(directory, "order.tsv");
        var text = Path.Combine(directory, "graph.txt");
        File.WriteAllText(text, "0 1\n");
        var fake = Path.Combine(directory, "fake.npz");
        File.WriteAllText(fake, "not a zip");
        (string[] Args, int ExitCode, string Error)[] cases =
        [
            (["order", CoraPath, "--method", "4-wis", "--out", output], 2, "error: Unknown method '4-wis'. Known: 1-wis, 2-wis, 3-wis, random, spectral."),
            (["order", CoraPath, "--method", "ugs", "--out", output], 2, "error: Unknown method 'ugs'. Known: 1-wis, 2-wis, 3-wis, random, spectral."),
            (["order", CoraPath, "--method", "1-wis", "--seed", "3", "--out", output], 2, "error: --seed applies to random and spectral only; 1-wis is deterministic."),
            (["order", Path.Combine(directory, "missing.npz"), "--method", "1-wis", "--out", output], 1, $"error: {Path.Combine(directory, "missing.npz")} does not exist."),
            (["order", text, "--method", "1-wis", "--out", output], 2, $"error: {text} is not an .npz file: expected a graph in the gnn-benchmark .npz format (e.g. cora.npz)."),
            (["order", CoraPath, "--method", "random", "--tie-rule", "largest", "--out", output], 2, "error: --tie-rule applies to the WIS methods only, not to random."),
            (["order", CoraPath, "--method", "2-wis", "--tie-rule", "middle", "--out", output], 2, "error: Unknown tie rule 'middle': expected smallest or largest."),
            (["order", CoraPath, "--method", "2-wis"], 2, "error: Name the output file with --out order.tsv."),
        ];
        foreach (var (args, exitCode, error) in cases)
        {
            var run = Lectures(args);
            Assert.Equal(exitCode, run.ExitCode);
            Assert.Equal(error, run.Output.Trim());
        }
        var notZip = Lectures("order", fake, "--method", "1-wis", "--out", output);
        Assert.Equal(1, notZip.ExitCode);
        Assert.Single(notZip.Output.Trim().Split('\n'));
        Assert.StartsWith("error: fake.npz: not a NumPy .npz archive", notZip.Output.Trim());
        Assert.False(File.Exists(output));
    }

    private static OrderCommand.Settings Parse(params string[] args) =>
        LecturesCommandLine.Parse<OrderCommand, OrderCommand.Settings>((c, r) => c.Read(r), ["order", .. args]);

    [Fact]
    public void TheLineParsesIntoTheMethodTieRuleSeedAndFiles()
    {
        Assert.Equal(new OrderCommand.Settings("g.npz", SparsificationMethod.TwoWis, "o.tsv", TieRule.LargestEdge, 0, true),
            Parse("g.npz", "--method", "2-WIS", "--tie-rule", "largest", "--out", "o.tsv", "--force"));
        Assert.Equal(new OrderCommand.Settings("g.npz", SparsificationMethod.OneWis, "o.tsv", TieRule.SmallestEdge, 0, false),
            Parse("g.npz", "--method", "1-wis", "--tie-rule", "smallest", "--out", "o.tsv"));
        Assert.Equal(new OrderCommand.Settings("g.npz", SparsificationMethod.Random, "o.tsv", null, 7, false),
            Parse("g.npz", "--out", "o.tsv", "--method", "random", "--seed", "7"));
    }

    [Theory]
    [InlineData("smallest", "0\t1\n1\t2\n")]
    [InlineData("largest", "1\t2\n0\t1\n")]
    public void OnThePathZeroOneTwoTheTieRuleChoosesWhichEdgeGoesFirst(string tieRule, string lines)
    {
        // The path 0-1-2 as a symmetric CSR adjacency: its two edges are mirror images, so 1-WIS scores them alike
        // and the tie rule alone decides the first removal.
        using var path = new TempNpz(new Dictionary<string, byte[]>
        {
            ["adj_shape"] = TempNpz.Npy("<i8", "(2,)", [3L, 3L]),
            ["adj_indptr"] = TempNpz.Npy("<i4", "(4,)", [0, 1, 3, 4]),
            ["adj_indices"] = TempNpz.Npy("<i4", "(4,)", [1, 0, 2, 1]),
            ["adj_data"] = TempNpz.Npy("<f4", "(4,)", [1f, 1f, 1f, 1f]),
        });
        var output = Path.Combine(directory, "order.tsv");
        var run = LecturesCommandLine.Run("order", path.Path, "--method", "1-wis", "--tie-rule", tieRule, "--out", output);
        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Equal(lines, File.ReadAllText(output));
    }
}
