using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lectures.Torch.Gnn.Models;

/// <summary>What a GNN predicts from its last vertex embeddings h^(L).</summary>
public enum GnnReadout
{
    /// <summary>Vertex prediction: logits_i = W^(o) h^(L,i) + b for every vertex i.</summary>
    Vertex,

    /// <summary>Graph prediction with mean pooling: logits = W^(o) (1/n sum over i of h^(L,i)) + b.</summary>
    MeanPool,
}

/// <summary>
/// A message-passing network: <see cref="Embed"/> maps features x (shape [..., n, inputs], or sparse [n, inputs])
/// to vertex embeddings h^(L) (shape [..., n, hidden]); a linear head reads logits out per vertex or after mean
/// pooling. An optional edge mask (one weight per undirected edge) multiplies every edge message.
/// </summary>
public abstract class GnnModel : nn.Module<Tensor, MessageGraph, Tensor?, Tensor>
{
    private readonly Linear head;
    private readonly GnnReadout readout;

    /// <summary>Creates the head Linear(hidden, outputs) and registers it as "head".</summary>
    protected GnnModel(string name, int hidden, int outputs, GnnReadout readout) : base(name)
    {
        head = nn.Linear(hidden, outputs);
        this.readout = readout;
        register_module("head", head);
    }

    /// <summary>The vertex embeddings h^(L), shape [..., n, hidden].</summary>
    protected abstract Tensor Embed(Tensor x, MessageGraph graph, Tensor? edgeMask);

    /// <summary>Logits: shape [..., n, outputs] for vertex readout, [..., outputs] for mean pooling.</summary>
    public override Tensor forward(Tensor x, MessageGraph graph, Tensor? edgeMask)
    {
        var h = Embed(x, graph, edgeMask);
        return head.forward(readout == GnnReadout.MeanPool ? h.mean([-2]) : h);
    }

    /// <summary>BatchNorm over the feature dimension of h with any leading dimensions (all vertices of all graphs are one batch).</summary>
    protected static Tensor ApplyBatchNorm(BatchNorm1d norm, Tensor h) => norm.forward(h.reshape(-1, h.shape[^1])).reshape(h.shape);
}
