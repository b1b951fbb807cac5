using Lectures.Graphs;
using Lectures.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using Lectures.Torch.Gnn.Models;

namespace Lectures.Torch.Gnn.Training;

/// <summary>
/// Vertex classification on a graph with features X and labels y: a GNN with vertex readout trained full batch
/// with Adam on cross-entropy over the training vertices, early stopping on validation accuracy, test accuracy at
/// the best validation epoch. Holds the feature and label tensors (float32 / int64) so that many runs (seeds,
/// sparsified graphs) share them. Runs are reproducible: a seed fixes the initial weights and dropout (drawn from
/// torch's global generator, so no other torch code may draw from it concurrently).
/// </summary>
public sealed class VertexClassification : IDisposable
{
    private readonly Tensor features;
    private readonly Tensor labels;
    private readonly Tensor trainIndex, validationIndex, testIndex;

    /// <summary>The task on <paramref name="graph"/>'s features and labels with the given split.</summary>
    public VertexClassification(Graph graph, VertexSplit split)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(split);
        if (graph.Features is null) throw new ArgumentException($"{graph} has no vertex features; vertex classification needs them.", nameof(graph));
        if (graph.Labels is null) throw new ArgumentException($"{graph} has no vertex labels; vertex classification needs them.", nameof(graph));
        if (split.VertexCount != graph.VertexCount)
            throw new ArgumentException($"The split covers {split.VertexCount} vertices, but the graph has {graph.VertexCount}.", nameof(split));
        TorchRuntime.EnsureLoaded();
        Graph = graph;
        Split = split;
        ClassCount = graph.ClassCount;
        features = SparseFeatures(graph.Features).DetachFromDisposeScope();
        labels = tensor(graph.Labels.Select(l => (long)l).ToArray()).DetachFromDisposeScope();
        trainIndex = tensor(split.Train.Select(v => (long)v).ToArray()).DetachFromDisposeScope();
        validationIndex = tensor(split.Validation.Select(v => (long)v).ToArray()).DetachFromDisposeScope();
        testIndex = tensor(split.Test.Select(v => (long)v).ToArray()).DetachFromDisposeScope();
    }

    /// <summary>The graph whose features and labels are used (edges may be removed per run).</summary>
    public Graph Graph { get; }

    /// <summary>The vertex split.</summary>
    public VertexSplit Split { get; }

    /// <summary>Number of classes (the head's width).</summary>
    public int ClassCount { get; }

    /// <summary>
    /// Trains <paramref name="spec"/> from the initialisation fixed by <paramref name="seed"/> (torch.manual_seed) on
    /// <paramref name="structure"/> (this task's graph, or the same vertices with edges removed; default the full
    /// graph) and returns the test accuracy at the best validation epoch.
    /// </summary>
    public TrainingResult Train(GnnSpec spec, TrainingOptions options, int seed, Graph? structure = null)
    {
        using var graph = MessageGraph.From(CheckStructure(structure ?? Graph));
        return Fit(graph, spec, options, seed, null).Result;
    }

    /// <summary>
    /// A random 80/10/10 split of <paramref name="graph"/> (seeded), then <see cref="Train"/> with the same seed: the
    /// one-line way to train a GNN on a labelled graph.
    /// </summary>
    public static TrainingResult TrainOnce(Graph graph, GnnSpec spec, int seed, TrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var task = new VertexClassification(graph, VertexSplit.Random(graph.VertexCount, seed));
        return task.Train(spec, options ?? TrainingOptions.Default, seed);
    }

    /// <summary>
    /// Trains through <see cref="GnnTrainer"/>: each epoch one full-batch step on the cross-entropy over the training
    /// vertices. With <paramref name="mask"/> (UGS), a trainable weight per edge of <paramref name="graph"/> multiplies
    /// its messages, is optimised by its own Adam (no weight decay) and the loss gains mask.L1 * ||m||_1; the mask at
    /// the best validation epoch is returned.
    /// </summary>
    internal (TrainingResult Result, double[]? Mask) Fit(MessageGraph graph, GnnSpec spec, TrainingOptions options, int seed, EdgeMaskTraining? mask)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var edgeMask = mask is null ? null : nn.Parameter(tensor(mask.Initial(graph.EdgeCount, seed)));
        using var maskOptimizer = edgeMask is null ? null : optim.Adam([edgeMask], mask!.LearningRate);
        using var yTrain = labels.index_select(0, trainIndex);
        double[]? bestMask = null;
        var result = GnnTrainer.Fit(() => spec.Create((int)features.shape[1], ClassCount, GnnReadout.Vertex), options, seed,
            (model, optimizer) =>
            {
                optimizer.zero_grad();
                maskOptimizer?.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(features, graph, edgeMask).index_select(0, trainIndex), yTrain);
                if (edgeMask is not null) loss = loss.Plus(edgeMask.abs().sum().Times(mask!.L1));
                loss.backward();
                optimizer.step();
                maskOptimizer?.step();
            },
            model =>
            {
                var predicted = model.forward(features, graph, edgeMask).argmax(1);
                return new EpochValidation(Accuracy(predicted, validationIndex), () =>
                {
                    bestMask = edgeMask?.to_type(ScalarType.Float64).data<double>().ToArray();
                    return (Accuracy(predicted, testIndex), Accuracy(predicted, trainIndex));
                });
            });
        return (result, bestMask);
    }

    /// <summary>Frees the tensors.</summary>
    public void Dispose()
    {
        features.Dispose();
        labels.Dispose();
        trainIndex.Dispose();
        validationIndex.Dispose();
        testIndex.Dispose();
    }

    internal Graph CheckStructure(Graph structure) => structure.VertexCount == Graph.VertexCount
        ? structure
        : throw new ArgumentException($"The graph to train on has {structure.VertexCount} vertices, expected the task's {Graph.VertexCount}.", nameof(structure));

    private double Accuracy(Tensor predicted, Tensor index) =>
        predicted.index_select(0, index).eq(labels.index_select(0, index)).sum().item<long>() / (double)index.shape[0];

    private static Tensor SparseFeatures(CsrMatrix x)
    {
        var rows = new List<long>(x.NonZeroCount);
        var columns = new List<long>(x.NonZeroCount);
        var values = new List<float>(x.NonZeroCount);
        for (var i = 0; i < x.RowCount; i++)
        {
            var cols = x.RowColumns(i);
            var vals = x.RowValues(i);
            for (var k = 0; k < cols.Length; k++)
            {
                rows.Add(i);
                columns.Add(cols[k]);
                values.Add(vals[k]);
            }
        }
        var indices = tensor(rows.Concat(columns).ToArray()).reshape(2, rows.Count);
        return sparse_coo_tensor(indices, tensor(values.ToArray()), [x.RowCount, x.ColumnCount]);
    }
}
