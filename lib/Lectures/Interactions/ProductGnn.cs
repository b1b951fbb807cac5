using Lectures.Graphs;

namespace Lectures.Interactions;

/// <summary>
/// The product-aggregation GNN of the talk, with a self-loop at every vertex (N(i) includes i):
/// h^(0,i) = x^(i); h^(l,i) = ⊙_{j in N(i)} W^(l) h^(l-1,j) for l = 1..L (⊙ the element-wise product,
/// W^(1) of size D_h x D_x, later W^(l) of size D_h x D_h); graph prediction f(X) = W^(o) (⊙_{i in V} h^(L,i));
/// vertex prediction f_t(X) = W^(o) h^(L,t), W^(o) of size 1 x D_h. No bias, no other non-linearity.
/// </summary>
public sealed class ProductGnn
{
    private readonly double[][] layers;
    private readonly double[] output;
    private readonly long[][]? modularLayers;
    private readonly long[]? modularOutput;

    /// <summary>
    /// A GNN with the given weights: layerWeights[l-1] = W^(l) (first D_h x D_x, then D_h x D_h), outputWeights = W^(o)
    /// (length D_h). Integer-valued weights also allow exact evaluation modulo p.
    /// </summary>
    public ProductGnn(IReadOnlyList<double[,]> layerWeights, IReadOnlyList<double> outputWeights)
    {
        ArgumentNullException.ThrowIfNull(layerWeights);
        ArgumentNullException.ThrowIfNull(outputWeights);
        if (layerWeights.Count == 0)
            throw new ArgumentException("A GNN needs at least one layer (depth L >= 1), got no weight matrices.", nameof(layerWeights));
        HiddenWidth = layerWeights[0].GetLength(0);
        InputWidth = layerWeights[0].GetLength(1);
        for (var l = 0; l < layerWeights.Count; l++)
        {
            var w = layerWeights[l];
            var expectedColumns = l == 0 ? InputWidth : HiddenWidth;
            if (w.GetLength(0) != HiddenWidth || w.GetLength(1) != expectedColumns || HiddenWidth == 0 || InputWidth == 0)
                throw new ArgumentException(
                    $"W^({l + 1}) is {w.GetLength(0)} x {w.GetLength(1)}, expected D_h x {(l == 0 ? "D_x" : "D_h")} = {HiddenWidth} x {expectedColumns} (non-empty).",
                    nameof(layerWeights));
        }
        if (outputWeights.Count != HiddenWidth)
            throw new ArgumentException($"W^(o) has {outputWeights.Count} entries, expected D_h = {HiddenWidth}.", nameof(outputWeights));
        layers = layerWeights.Select(w => w.Cast<double>().ToArray()).ToArray();
        output = outputWeights.ToArray();
        HasIntegerWeights = layers.Append(output).All(w => w.All(x => x == Math.Round(x) && Math.Abs(x) < 1e15));
        if (HasIntegerWeights)
        {
            modularLayers = layers.Select(w => w.Select(x => PrimeField.Reduce((long)x)).ToArray()).ToArray();
            modularOutput = output.Select(x => PrimeField.Reduce((long)x)).ToArray();
        }
    }

    /// <summary>L, the number of message-passing layers.</summary>
    public int Depth => layers.Length;

    /// <summary>D_x, the input feature width.</summary>
    public int InputWidth { get; }

    /// <summary>D_h, the hidden width.</summary>
    public int HiddenWidth { get; }

    /// <summary>Whether every weight is an integer (then exact evaluation modulo p is available).</summary>
    public bool HasIntegerWeights { get; }

    /// <summary>W^(l) for l = 1..L (index l - 1), as D_h x D_x or D_h x D_h arrays.</summary>
    public double[,] LayerWeights(int l)
    {
        if (l < 1 || l > Depth)
            throw new ArgumentOutOfRangeException(nameof(l), l, $"Layer {l} does not exist: the GNN has layers 1..{Depth}.");
        var columns = l == 1 ? InputWidth : HiddenWidth;
        var w = new double[HiddenWidth, columns];
        Buffer.BlockCopy(layers[l - 1], 0, w, 0, sizeof(double) * w.Length);
        return w;
    }

    /// <summary>W^(o), length D_h.</summary>
    public IReadOnlyList<double> OutputWeights => output;

    /// <summary>A GNN with independent standard normal weights (seeded).</summary>
    public static ProductGnn Random(int depth, int inputWidth, int hiddenWidth, int seed)
    {
        var rng = new Random(seed);
        return Build(depth, inputWidth, hiddenWidth, () => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
    }

    /// <summary>
    /// A GNN with integer weights drawn uniformly from ±1..±maxAbsWeight (never 0: a zero weight in the wrong
    /// place makes every separation rank 1), for the exact separation-rank method.
    /// </summary>
    public static ProductGnn RandomInteger(int depth, int inputWidth, int hiddenWidth, int seed, int maxAbsWeight = 3)
    {
        if (maxAbsWeight < 1)
            throw new ArgumentOutOfRangeException(nameof(maxAbsWeight), maxAbsWeight, $"maxAbsWeight must be >= 1, got {maxAbsWeight}.");
        var rng = new Random(seed);
        return Build(depth, inputWidth, hiddenWidth, () => rng.Next(1, maxAbsWeight + 1) * (rng.Next(2) == 0 ? -1.0 : 1.0));
    }

    /// <summary>Graph prediction f(X) = W^(o) (⊙_i h^(L,i)) for X with one row per vertex (n x D_x).</summary>
    public double PredictGraph(Graph graph, double[,] x) => GraphOutput<double, RealRing>(Forward<double, RealRing>(graph, Flatten(graph, x), layers), output);

    /// <summary>Vertex prediction f_t(X) = W^(o) h^(L,t) for every vertex t.</summary>
    public double[] PredictVertices(Graph graph, double[,] x) => VertexOutputs<double, RealRing>(Forward<double, RealRing>(graph, Flatten(graph, x), layers), output);

    /// <summary>Graph prediction for each feature matrix of a batch.</summary>
    public double[] PredictGraph(Graph graph, IReadOnlyList<double[,]> batch) =>
        Batch(batch, x => PredictGraph(graph, x));

    /// <summary>Vertex predictions (all t) for each feature matrix of a batch: result[b][t] = f_t(X_b).</summary>
    public double[][] PredictVertices(Graph graph, IReadOnlyList<double[,]> batch) =>
        Batch(batch, x => PredictVertices(graph, x));

    /// <summary>Graph prediction computed exactly modulo p = 2^61 - 1 for integer X (needs integer weights).</summary>
    public long PredictGraphModular(Graph graph, long[,] x) =>
        GraphOutput<long, PrimeRing>(Forward<long, PrimeRing>(graph, FlattenModular(graph, x), ModularLayers), modularOutput!);

    /// <summary>Vertex predictions f_t(X) mod p for every t, for integer X (needs integer weights).</summary>
    public long[] PredictVerticesModular(Graph graph, long[,] x) =>
        VertexOutputs<long, PrimeRing>(Forward<long, PrimeRing>(graph, FlattenModular(graph, x), ModularLayers), modularOutput!);

    /// <summary>Graph prediction on <paramref name="graph"/> as a function of X, for separation ranks.</summary>
    public FeatureFunction GraphPrediction(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var name = $"product GNN graph prediction (L = {Depth}, D_h = {HiddenWidth})";
        return HasIntegerWeights
            ? FeatureFunction.FromPolynomial(name, graph.VertexCount, InputWidth, x => PredictGraphModular(graph, x), x => PredictGraph(graph, x))
            : FeatureFunction.FromReal(name, graph.VertexCount, InputWidth, x => PredictGraph(graph, x));
    }

    /// <summary>Vertex prediction at t on <paramref name="graph"/> as a function of X, for separation ranks.</summary>
    public FeatureFunction VertexPrediction(Graph graph, int t)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.CheckVertex(t, nameof(t));
        var name = $"product GNN vertex prediction at t = {t} (L = {Depth}, D_h = {HiddenWidth})";
        double Real(double[,] x) => VertexOutput<double, RealRing>(Forward<double, RealRing>(graph, Flatten(graph, x), layers), output, t);
        return HasIntegerWeights
            ? FeatureFunction.FromPolynomial(name, graph.VertexCount, InputWidth,
                x => VertexOutput<long, PrimeRing>(Forward<long, PrimeRing>(graph, FlattenModular(graph, x), ModularLayers), modularOutput!, t), Real)
            : FeatureFunction.FromReal(name, graph.VertexCount, InputWidth, Real);
    }

    /// <summary>"ProductGnn L = .., D_x = .., D_h = .." and whether the weights are integers.</summary>
    public override string ToString() =>
        $"ProductGnn L = {Depth}, D_x = {InputWidth}, D_h = {HiddenWidth}, {(HasIntegerWeights ? "integer" : "real")} weights";

    private long[][] ModularLayers => modularLayers
        ?? throw new InvalidOperationException("Exact evaluation modulo p needs integer weights; build the GNN with ProductGnn.RandomInteger.");

    private static ProductGnn Build(int depth, int inputWidth, int hiddenWidth, Func<double> draw)
    {
        if (depth < 1 || inputWidth < 1 || hiddenWidth < 1)
            throw new ArgumentException($"Depth, D_x and D_h must be >= 1, got L = {depth}, D_x = {inputWidth}, D_h = {hiddenWidth}.");
        var weights = new List<double[,]>();
        for (var l = 1; l <= depth; l++)
        {
            var w = new double[hiddenWidth, l == 1 ? inputWidth : hiddenWidth];
            for (var r = 0; r < w.GetLength(0); r++)
                for (var c = 0; c < w.GetLength(1); c++)
                    w[r, c] = draw();
            weights.Add(w);
        }
        return new ProductGnn(weights, Enumerable.Range(0, hiddenWidth).Select(_ => draw()).ToArray());
    }

    private static TOut[] Batch<TOut>(IReadOnlyList<double[,]> batch, Func<double[,], TOut> predict)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new TOut[batch.Count];
        for (var b = 0; b < batch.Count; b++) results[b] = predict(batch[b]);
        return results;
    }

    private double[] Flatten(Graph graph, double[,] x)
    {
        CheckFeatures(graph, x);
        var flat = new double[x.Length];
        Buffer.BlockCopy(x, 0, flat, 0, sizeof(double) * x.Length);
        return flat;
    }

    private long[] FlattenModular(Graph graph, long[,] x)
    {
        CheckFeatures(graph, x);
        var flat = new long[x.Length];
        var k = 0;
        foreach (var value in x) flat[k++] = PrimeField.Reduce(value);
        return flat;
    }

    private void CheckFeatures(Graph graph, Array x)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(x);
        if (x.GetLength(0) != graph.VertexCount || x.GetLength(1) != InputWidth)
            throw new ArgumentException(
                $"X is {x.GetLength(0)} x {x.GetLength(1)}, expected n x D_x = {graph.VertexCount} x {InputWidth}.", nameof(x));
    }

    // h holds h^(l,i) row by row (n x width). Each layer computes z^j = W h^j for every j, then
    // h^(l,i) = z^i ⊙ Π_{j ~ i} z^j (the self-loop contributes z^i).
    private T[] Forward<T, TRing>(Graph graph, T[] h, T[][] weights) where TRing : IRing<T>
    {
        var n = graph.VertexCount;
        var width = InputWidth;
        var z = new T[n * HiddenWidth];
        var next = new T[n * HiddenWidth];
        foreach (var w in weights)
        {
            for (var j = 0; j < n; j++)
                for (var k = 0; k < HiddenWidth; k++)
                {
                    var sum = TRing.Zero;
                    for (var m = 0; m < width; m++) sum = TRing.Add(sum, TRing.Multiply(w[k * width + m], h[j * width + m]));
                    z[j * HiddenWidth + k] = sum;
                }
            for (var i = 0; i < n; i++)
            {
                var row = next.AsSpan(i * HiddenWidth, HiddenWidth);
                z.AsSpan(i * HiddenWidth, HiddenWidth).CopyTo(row);
                foreach (var j in graph.Neighbors(i))
                    for (var k = 0; k < HiddenWidth; k++)
                        row[k] = TRing.Multiply(row[k], z[j * HiddenWidth + k]);
            }
            (h, next) = (next, h.Length == next.Length ? h : new T[n * HiddenWidth]);
            width = HiddenWidth;
        }
        return h;
    }

    private T GraphOutput<T, TRing>(T[] h, T[] wOut) where TRing : IRing<T>
    {
        var result = TRing.Zero;
        for (var k = 0; k < HiddenWidth; k++)
        {
            var product = TRing.One;
            for (var i = k; i < h.Length; i += HiddenWidth) product = TRing.Multiply(product, h[i]);
            result = TRing.Add(result, TRing.Multiply(wOut[k], product));
        }
        return result;
    }

    private T[] VertexOutputs<T, TRing>(T[] h, T[] wOut) where TRing : IRing<T>
    {
        var outputs = new T[h.Length / HiddenWidth];
        for (var t = 0; t < outputs.Length; t++) outputs[t] = VertexOutput<T, TRing>(h, wOut, t);
        return outputs;
    }

    private T VertexOutput<T, TRing>(T[] h, T[] wOut, int t) where TRing : IRing<T>
    {
        var result = TRing.Zero;
        for (var k = 0; k < HiddenWidth; k++) result = TRing.Add(result, TRing.Multiply(wOut[k], h[t * HiddenWidth + k]));
        return result;
    }
}
