using Lectures.Graphs;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;
using Lectures.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Lectures.Tests.Torch.Gnn.Models;

[Collection(TorchTrainingCollection.Name)]
public class MessagePassingTests
{
    // Degrees 1, 3, 2, 2, 2: a pendant vertex 0 and the 4-cycle 1-2-4-3-1.
    private static readonly Graph Small = Graph.FromEdges(5, [(0, 1), (1, 2), (1, 3), (2, 4), (3, 4)]);

    private static double[,] DenseWithSelfLoops(Graph g, double[]? mask = null)
    {
        var a = new double[g.VertexCount, g.VertexCount];
        for (var i = 0; i < g.VertexCount; i++) a[i, i] = 1;
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var (u, v) = g.Edges[e];
            a[u, v] = a[v, u] = mask?[e] ?? 1;
        }
        return a;
    }

    private static double[,] Times(double[,] a, double[,] h)
    {
        int n = a.GetLength(0), inner = a.GetLength(1), d = h.GetLength(1);
        var r = new double[n, d];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < inner; j++)
                for (var k = 0; k < d; k++) r[i, k] += a[i, j] * h[j, k];
        return r;
    }

    private static double[,] Features(int n, int d)
    {
        var rng = new Random(3);
        var h = new double[n, d];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < d; k++) h[i, k] = rng.NextDouble() * 2 - 1;
        return h;
    }

    private static void AssertClose(double[,] expected, Tensor actual)
    {
        var values = actual.to_type(ScalarType.Float64).data<double>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        var k = 0;
        foreach (var e in expected) Assert.Equal(e, values[k++], 5);
    }

    [Fact]
    public void GcnPropagationEqualsTheDenseSymmetricNormalisedAdjacency()
    {
        TorchRuntime.EnsureLoaded();
        var a = DenseWithSelfLoops(Small);
        var n = Small.VertexCount;
        // Â = D^-1/2 (A + I) D^-1/2 with D the degrees of A + I.
        var deg = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => a[i, j])).ToArray();
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) a[i, j] /= Math.Sqrt(deg[i] * deg[j]);
        var h = Features(n, 3);
        using var graph = MessageGraph.From(Small);
        using var x = tensor(h).to_type(ScalarType.Float32);
        AssertClose(Times(a, h), graph.Propagate(x, graph.GcnCoefficients));
    }

    [Fact]
    public void MaskedSumEqualsTheDenseMaskedAdjacencyAndKeepsSelfLoops()
    {
        TorchRuntime.EnsureLoaded();
        double[] mask = [0.5, 0, 2, -1, 0.25];
        var h = Features(Small.VertexCount, 4);
        using var graph = MessageGraph.From(Small);
        using var x = tensor(h).to_type(ScalarType.Float32);
        using var m = tensor(mask).to_type(ScalarType.Float32);
        var weights = graph.MessageWeights(ones(graph.MessageCount), m);
        AssertClose(Times(DenseWithSelfLoops(Small, mask), h), graph.Propagate(x, weights));
    }

    [Fact]
    public void BatchedFeaturesPropagateEachGraphSeparately()
    {
        TorchRuntime.EnsureLoaded();
        using var graph = MessageGraph.From(Small);
        var a = DenseWithSelfLoops(Small);
        var first = Features(5, 2);
        var second = Times(first, new double[,] { { 2, 0 }, { 1, -1 } });
        using var batch = stack([tensor(first), tensor(second)]).to_type(ScalarType.Float32);
        using var result = graph.Propagate(batch, ones(graph.MessageCount));
        AssertClose(Times(a, first), result[0]);
        AssertClose(Times(a, second), result[1]);
    }

    [Fact]
    public void NeighbourhoodSoftmaxIsExpOverTheSumAtTheTarget()
    {
        TorchRuntime.EnsureLoaded();
        using var graph = MessageGraph.From(Small);
        var scores = Enumerable.Range(0, graph.MessageCount).Select(k => Math.Sin(k + 1.0)).ToArray();
        using var s = tensor(scores).to_type(ScalarType.Float32).unsqueeze(-1);
        var attention = graph.NeighbourhoodSoftmax(s, null).squeeze(-1).to_type(ScalarType.Float64).data<double>().ToArray();
        var targets = graph.Targets.data<long>().ToArray();
        for (var k = 0; k < scores.Length; k++)
        {
            var total = Enumerable.Range(0, scores.Length).Where(j => targets[j] == targets[k]).Sum(j => Math.Exp(scores[j]));
            Assert.Equal(Math.Exp(scores[k]) / total, attention[k], 5);
        }
    }

    [Fact]
    public void SparseFeatureProjectionEqualsTheDenseProduct()
    {
        TorchRuntime.EnsureLoaded();
        torch.manual_seed(1);
        using var conv = new GraphConv(6, 3, Aggregation.Sum);
        using var graph = MessageGraph.From(Small);
        var dense = Features(5, 6);
        dense[0, 1] = dense[2, 2] = dense[4, 5] = 0;
        using var x = tensor(dense).to_type(ScalarType.Float32);
        var viaSparse = conv.forward(x.to_sparse(), graph, null);
        var viaDense = conv.forward(x, graph, null);
        Assert.True(viaSparse.allclose(viaDense, rtol: 1e-5, atol: 1e-6));
    }
}
