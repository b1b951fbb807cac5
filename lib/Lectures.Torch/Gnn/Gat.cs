using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lectures.Torch.Gnn;

/// <summary>
/// GAT of depth L: h^(l) = Dropout(LayerNorm(ReLU(GatConv_l(h^(l-1))))), each layer with K heads of width
/// hidden / K concatenated, then a linear head.
/// </summary>
public sealed class Gat : GnnModel
{
    private readonly ModuleList<GatConv> convs = new();
    private readonly ModuleList<LayerNorm> norms = new();
    private readonly Dropout dropout;

    /// <summary>A GAT with the given widths, depth, heads and dropout probability.</summary>
    public Gat(int inputs, int hidden, int outputs, int depth, int heads, double dropoutProbability, GnnReadout readout)
        : base(nameof(Gat), hidden, outputs, readout)
    {
        for (var l = 0; l < depth; l++)
        {
            convs.Add(new GatConv(l == 0 ? inputs : hidden, hidden, heads));
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
