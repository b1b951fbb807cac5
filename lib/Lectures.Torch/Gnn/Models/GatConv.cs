using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lectures.Torch.Gnn.Models;

/// <summary>
/// Graph attention layer (GAT, Velickovic et al. 2018) with K heads of width c, concatenated (K c outputs):
/// z = x W^T split into heads z^k; score s^k_ji = LeakyReLU_0.2(a_src^k . z^k_j + a_dst^k . z^k_i);
/// attention a^k_ji = softmax of s^k over j in N(i) (self-loop included, edge mask multiplying exp(s));
/// out^k_i = sum over j in N(i) of a^k_ji z^k_j; out = concat_k out^k + b.
/// </summary>
public sealed class GatConv : nn.Module<Tensor, MessageGraph, Tensor?, Tensor>
{
    private readonly Linear weight;
    private readonly Parameter sourceAttention;
    private readonly Parameter targetAttention;
    private readonly Parameter bias;
    private readonly int heads;
    private readonly int width;

    /// <summary>A layer with <paramref name="heads"/> heads of width outputs / heads (outputs must be divisible by heads).</summary>
    public GatConv(int inputs, int outputs, int heads) : base(nameof(GatConv))
    {
        if (heads < 1 || outputs % heads != 0)
            throw new ArgumentException($"A GAT layer with {outputs} outputs cannot have {heads} heads: expected a divisor of {outputs}.", nameof(heads));
        this.heads = heads;
        width = outputs / heads;
        weight = nn.Linear(inputs, outputs, hasBias: false);
        // Glorot-uniform attention vectors, as in the reference implementation.
        var bound = Math.Sqrt(6.0 / (1 + width));
        sourceAttention = nn.Parameter(empty(heads, width).uniform_(-bound, bound));
        targetAttention = nn.Parameter(empty(heads, width).uniform_(-bound, bound));
        bias = nn.Parameter(zeros(outputs));
        RegisterComponents();
    }

    /// <summary>The attention-weighted sum above for x of shape [..., n, inputs] (dense) or [n, inputs] (sparse COO).</summary>
    public override Tensor forward(Tensor x, MessageGraph graph, Tensor? edgeMask)
    {
        var z = FeatureProjection.Apply(weight, x);
        var perHead = z.unflatten(z.dim() - 1, [heads, width]);
        var sourceScore = (perHead * sourceAttention).sum(-1);
        var targetScore = (perHead * targetAttention).sum(-1);
        var dim = z.dim() - 2;
        var scores = sourceScore.index_select(dim, graph.Sources).Plus(targetScore.index_select(dim, graph.Targets)).LeakyRelu(0.2);
        var keep = edgeMask is null ? null : graph.MessageWeights(ones(graph.MessageCount, dtype: z.dtype), edgeMask);
        var attention = graph.NeighbourhoodSoftmax(scores, keep);
        return graph.Sum(graph.Gather(z) * attention.repeat_interleave(width, -1)).Plus(bias);
    }
}
