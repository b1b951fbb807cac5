using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lectures.Torch.Gnn;

/// <summary>
/// GCN (Kipf and Welling 2017) of depth L: h^(l) = Dropout(LayerNorm(ReLU(D^-1/2 (A + I) D^-1/2 h^(l-1) W_l + b_l))),
/// l = 1..L, then a linear head.
/// </summary>
public sealed class Gcn : GnnModel
{
    private readonly ModuleList<GraphConv> convs = new();
    private readonly ModuleList<LayerNorm> norms = new();
    private readonly Dropout dropout;

    /// <summary>A GCN with the given widths, depth and dropout probability.</summary>
    public Gcn(int inputs, int hidden, int outputs, int depth, double dropoutProbability, GnnReadout readout)
        : base(nameof(Gcn), hidden, outputs, readout)
    {
        for (var l = 0; l < depth; l++)
        {
            convs.Add(new GraphConv(l == 0 ? inputs : hidden, hidden, Aggregation.SymmetricNormalised));
            norms.Add(nn.LayerNorm(hidden));
        }
        dropout = nn.Dropout(dropoutProbability);
        RegisterComponents();
    }

    /// <inheritdoc />
    protected override Tensor Embed(Tensor x, MessageGraph graph, Tensor? edgeMask)
    {
        var h = x;
        for (var l = 0; l < convs.Count; l++)
            h = dropout.forward(norms[l].forward(nn.functional.relu(convs[l].forward(h, graph, edgeMask))));
        return h;
    }
}
