using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lectures.Torch.Gnn.Models;

/// <summary>How a <see cref="GraphConv"/> weighs the messages arriving at a vertex.</summary>
public enum Aggregation
{
    /// <summary>GCN: out_i = sum over j in N(i) of h_j / sqrt((d_i + 1)(d_j + 1)) (symmetric normalisation, self-loops).</summary>
    SymmetricNormalised,

    /// <summary>GIN with eps = 0: out_i = sum over j in N(i) of h_j (N(i) includes i).</summary>
    Sum,
}

/// <summary>
/// One message-passing layer out = P (h W^T) + b, where P is the aggregation (sum over N(i), normalised or not)
/// with every edge message multiplied by an optional edge mask. The linear map is applied before aggregating,
/// which equals aggregating first because W is linear; it is much cheaper when the input is wide (sparse
/// bag-of-words features).
/// </summary>
public sealed class GraphConv : nn.Module<Tensor, MessageGraph, Tensor?, Tensor>
{
    private readonly Linear weight;
    private readonly Parameter bias;
    private readonly Aggregation aggregation;

    /// <summary>A layer from <paramref name="inputs"/> to <paramref name="outputs"/> features, bias initialised to 0.</summary>
    public GraphConv(int inputs, int outputs, Aggregation aggregation) : base(nameof(GraphConv))
    {
        weight = nn.Linear(inputs, outputs, hasBias: false);
        bias = nn.Parameter(zeros(outputs));
        this.aggregation = aggregation;
        RegisterComponents();
    }

    /// <summary>out = P_mask (x W^T) + b for x of shape [..., n, inputs] (dense) or [n, inputs] (sparse COO).</summary>
    public override Tensor forward(Tensor x, MessageGraph graph, Tensor? edgeMask)
    {
        var projected = FeatureProjection.Apply(weight, x);
        var baseWeights = aggregation == Aggregation.SymmetricNormalised
            ? graph.GcnCoefficients
            : ones(graph.MessageCount, dtype: projected.dtype);
        return graph.Propagate(projected, graph.MessageWeights(baseWeights, edgeMask)).Plus(bias);
    }
}
