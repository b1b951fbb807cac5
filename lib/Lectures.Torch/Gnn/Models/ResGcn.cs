using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lectures.Torch.Gnn.Models;

/// <summary>
/// Residual GCN: an input projection h^(0) = x W_in + b_in, then L residual blocks
/// h^(l) = Dropout(h^(l-1) + LayerNorm(ReLU(D^-1/2 (A + I) D^-1/2 h^(l-1) W_l + b_l))), then a linear head.
/// The message-passing depth is L (the kit uses L = 3, the same receptive field as its GCN).
/// </summary>
public sealed class ResGcn : GnnModel
{
    private readonly Linear input;
    private readonly ModuleList<GraphConv> convs = new();
    private readonly ModuleList<LayerNorm> norms = new();
    private readonly Dropout dropout;

    /// <summary>A residual GCN with L = <paramref name="depth"/> blocks.</summary>
    public ResGcn(int inputs, int hidden, int outputs, int depth, double dropoutProbability, GnnReadout readout)
        : base(nameof(ResGcn), hidden, outputs, readout)
    {
        input = nn.Linear(inputs, hidden);
        for (var l = 0; l < depth; l++)
        {
            convs.Add(new GraphConv(hidden, hidden, Aggregation.SymmetricNormalised));
            norms.Add(nn.LayerNorm(hidden));
        }
        dropout = nn.Dropout(dropoutProbability);
        RegisterComponents();
    }

    /// <inheritdoc />
    protected override Tensor Embed(Tensor x, MessageGraph graph, Tensor? edgeMask)
    {
        var h = FeatureProjection.Apply(input, x);
        for (var l = 0; l < convs.Count; l++)
            h = dropout.forward(h.Plus(norms[l].forward(nn.functional.relu(convs[l].forward(h, graph, edgeMask)))));
        return h;
    }
}
