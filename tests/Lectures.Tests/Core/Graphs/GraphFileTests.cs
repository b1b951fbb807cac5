using System.Text;

namespace Lectures.Tests.Core.Graphs;

using Lectures.Graphs;
using static Lectures.Tests.Core.Graphs.TempNpz;

public class GraphFileTests
{
    private static Graph Parse(string text, int? n = null) => EdgeListReader.Parse(new StringReader(text), "test.edgelist", n);

    private static string ParseError(string text, int? n = null) => Assert.Throws<GraphFormatException>(() => Parse(text, n)).Message;

    [Fact]
    public void EdgeListSkipsCommentsAndBlankLines()
    {
        var g = Parse("# a triangle and a pendant\n0 1\n\n1\t2  # tab separated\n2 0\n2 3\n3 3\n");
        Assert.Equal((4, 4), (g.VertexCount, g.EdgeCount));
        Assert.Equal(1, g.LoadReport.SelfLoopsDropped);
        Assert.Equal(6, Parse("0 1\n", n: 6).VertexCount);
    }

    [Fact]
    public void EveryBadEdgeListLineGetsItsError()
    {
        Assert.Equal("test.edgelist, line 2: vertex id -4 is negative; ids must be >= 0.", ParseError("0 1\n-4 2\n"));
        Assert.Equal("test.edgelist, line 3: 'x7' is not an integer vertex id.", ParseError("0 1\n# c\n1 x7\n"));
        Assert.Equal("test.edgelist, line 1: vertex 5 is out of range: the graph has 5 vertices (0..4).", ParseError("5 1\n", n: 5));
        Assert.Equal("test.edgelist, line 1: expected two vertex ids 'u v', found 3 tokens: '0 1 2'.", ParseError("0 1 2\n"));
        Assert.Equal("test.edgelist: the file is empty.", ParseError(""));
        Assert.Equal("test.edgelist: the file has no edges (only comments or blank lines).", ParseError("# nothing\n\n"));
        Assert.Throws<FileNotFoundException>(() => EdgeListReader.Read("/nonexistent/graph.edgelist"));
    }

    [Fact]
    public void CoraLoadsWithItsPublishedSizes()
    {
        var g = Datasets.Cora();
        Assert.Equal(2708, g.VertexCount);
        Assert.Equal(5278, g.EdgeCount);
        Assert.Equal(1433, g.Features!.ColumnCount);
        Assert.Equal(49216, g.Features.NonZeroCount);
        Assert.Equal(7, g.ClassCount);
        Assert.Equal(7, g.ClassNames!.Count);
        Assert.Equal(5429, g.LoadReport.InputEdges);
        Assert.Equal(5429 - 5278, g.LoadReport.SelfLoopsDropped + g.LoadReport.DuplicateEdgesDropped);
        Assert.Equal(1f, g.Features[0, g.Features.RowColumns(0)[0]]);
    }

    [Fact]
    public void CoraOrFallbackSaysWhichGraphItReturns()
    {
        var loaded = Datasets.CoraOrFallback();
        Assert.Equal("Cora (gnn-benchmark cora.npz, SHA-256 068e22d9…) from the kit's data folder ../shared/datasets: " +
                     "Graph with 2708 vertices and 5278 edges, 1433 features, 7 classes.", loaded.Description);
        Assert.Equal(2708, loaded.Graph.VertexCount);
    }

    [Fact]
    public void TheDescriptionNamesTheFileByItsHashAndNotByTheMachinesPath()
    {
        var dir = Directory.CreateTempSubdirectory("lectures-describe-").FullName;
        try
        {
            var shared = Datasets.SearchDirectories().Select(d => Path.Combine(d, Datasets.CoraFileName)).First(File.Exists);
            var copy = Path.Combine(dir, Datasets.CoraFileName);
            File.Copy(shared, copy);
            Assert.Equal("Cora (gnn-benchmark cora.npz, SHA-256 068e22d9…) from a local folder", Datasets.Describe(copy));
            // Another file under the same name: SHA-256 of the 3 bytes "abc" is ba7816bf…
            File.WriteAllText(copy, "abc");
            Assert.Equal("Cora (cora.npz, SHA-256 ba7816bf…, not the gnn-benchmark file) from a local folder", Datasets.Describe(copy));
            foreach (var described in new[] { Datasets.Describe(shared), Datasets.Describe(copy), Datasets.CoraOrFallback().Description })
            {
                Assert.DoesNotContain(dir, described);
                Assert.DoesNotContain(Path.GetDirectoryName(shared)!, described);
                Assert.DoesNotContain(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), described);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void MissingCoraListsEveryPlaceSearched()
    {
        var a = Path.Combine(Path.GetTempPath(), "lectures-missing-a");
        var b = Path.Combine(Path.GetTempPath(), "lectures-missing-b");
        var e = Assert.Throws<FileNotFoundException>(() => Datasets.Load("cora.npz", [a, b], null, null, TimeSpan.FromSeconds(1)));
        Assert.Contains(Path.Combine(a, "cora.npz"), e.Message);
        Assert.Contains(Path.Combine(b, "cora.npz"), e.Message);
        Assert.Contains("run `lectures data`", e.Message);
    }

    [Fact]
    public void AFailedDownloadSaysWhatFailed()
    {
        var dir = Directory.CreateTempSubdirectory("lectures-download-").FullName;
        try
        {
            // Port 9 (discard) on the loopback refuses the connection at once: no internet needed.
            var e = Assert.Throws<FileNotFoundException>(() =>
                Datasets.Load("cora.npz", [dir], new Uri("http://127.0.0.1:9/cora.npz"), null, TimeSpan.FromSeconds(2)));
            Assert.StartsWith("Downloading http://127.0.0.1:9/cora.npz to ", e.Message);
            Assert.Empty(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void SearchDirectoriesIncludeSharedDatasetsBesideTheRepository()
    {
        var root = KitRoot.Find(AppContext.BaseDirectory);
        Assert.True(File.Exists(Path.Combine(root, "Lectures.sln")));
        Assert.Contains(Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets")), Datasets.SearchDirectories());
        Assert.Equal(Datasets.CacheDirectory, Datasets.SearchDirectories()[^1]);
    }

    [Fact]
    public void NpzErrorsNameTheArchiveAndTheProblem()
    {
        var arrays = new Dictionary<string, byte[]>
        {
            ["adj_shape"] = Npy("<i8", "(2,)", [3L, 3L]),
            ["adj_indptr"] = Npy("<i4", "(4,)", [0, 1, 2, 2]),
            ["adj_indices"] = Npy("<i4", "(2,)", [1, 2]),
            ["adj_data"] = Npy("<f4", "(2,)", [1f, 1f]),
        };
        using (var ok = new TempNpz(arrays))
            Assert.Equal(2, CitationGraphReader.Read(ok.Path).EdgeCount);

        using (var missing = new TempNpz(arrays.Where(kv => kv.Key != "adj_indices").ToDictionary()))
            Assert.Equal($"{missing.Name}: the archive has no array 'adj_indices' (it has: adj_data, adj_indptr, adj_shape).",
                Assert.Throws<GraphFormatException>(() => CitationGraphReader.Read(missing.Path)).Message);

        var badShape = new Dictionary<string, byte[]>(arrays) { ["adj_indptr"] = Npy("<i4", "(3,)", [0, 1, 2]) };
        using (var shape = new TempNpz(badShape))
            Assert.Equal($"{shape.Name}: 'adj_indptr' has 3 entries, expected rows + 1 = 4.",
                Assert.Throws<GraphFormatException>(() => CitationGraphReader.Read(shape.Path)).Message);

        var badLabels = new Dictionary<string, byte[]>(arrays) { ["labels"] = Npy("|i1", "(2,)", new sbyte[] { 0, 1 }) };
        using (var labels = new TempNpz(badLabels))
            Assert.Contains("'labels' has 2 entries, expected one per vertex (3)",
                Assert.Throws<GraphFormatException>(() => CitationGraphReader.Read(labels.Path)).Message);

        var notZip = Path.GetTempFileName();
        File.WriteAllText(notZip, "not a zip");
        try
        {
            Assert.Contains("not a NumPy .npz archive", Assert.Throws<GraphFormatException>(() => CitationGraphReader.Read(notZip)).Message);
        }
        finally
        {
            File.Delete(notZip);
        }
        Assert.Throws<FileNotFoundException>(() => CitationGraphReader.Read("/nonexistent/cora.npz"));
    }

    [Fact]
    public void NpyReadsUnicodeStringsAndRejectsUnknownDtypes()
    {
        var text = Npy("<U3", "(2,)", Encoding.UTF32.GetBytes("ab\0xyz"));
        var strings = NpyArray.Read(new MemoryStream(text), "names", "t.npz");
        Assert.Equal(["ab", "xyz"], strings.ToStrings("t.npz"));
        Assert.Equal([2], strings.Shape);
        Assert.Contains("unsupported dtype '<c16'",
            Assert.Throws<GraphFormatException>(() => NpyArray.Read(new MemoryStream(Npy("<c16", "(1,)", new byte[16])), "z", "t.npz")).Message);
    }
}
