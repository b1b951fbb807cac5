using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lectures.Torch.Gnn.Models;

/// <summary>
/// GIN (Xu et al. 2019, eps = 0) of depth L: h^(l)_i = MLP_l(sum over j in N(i) of h^(l-1)_j) with
/// MLP = Linear-BatchNorm-ReLU-Linear-BatchNorm-ReLU, dropout after each layer, then a linear head.
/// The first Linear of each MLP is applied before the sum (it is linear, so the result is the same) and its bias after.
/// </summary>
public sealed class Gin : GnnModel
{
    private readonly ModuleList<GraphConv> convs = new();
    private readonly ModuleList<BatchNorm1d> firstNorms = new();
    private readonly ModuleList<Linear> seconds = new();
    private readonly ModuleList<BatchNorm1d> secondNorms = new();
    private readonly Dropout dropout;

    /// <summary>A GIN with the given widths, depth and dropout probability.</summary>
    public Gin(int inputs, int hidden, int outputs, int depth, double dropoutProbability, GnnReadout readout)
        : base(nameof(Gin), hidden, outputs, readout)
    {
        for (var l = 0; l < depth; l++)
        {
            convs.Add(new GraphConv(l == 0 ? inputs : hidden, hidden, Aggregation.Sum));
            firstNorms.Add(nn.BatchNorm1d(hidden));
            seconds.Add(nn.Linear(hidden, hidden));
            secondNorms.Add(nn.BatchNorm1d(hidden));
        }
        dropout = nn.Dropout(dropoutProbability);
        RegisterComponents();
    }

    /// <inheritdoc />
    protected override Tensor Embed(Tensor x, MessageGraph graph, Tensor? edgeMask)
    {
        var h = x;
        for (var l = 0; l < convs.Count; l++)
        {
            h = nn.functional.relu(ApplyBatchNorm(firstNorms[l], convs[l].forward(h, graph, edgeMask)));
            h = nn.functional.relu(ApplyBatchNorm(secondNorms[l], seconds[l].forward(h)));
            h = dropout.forward(h);
        }
        return h;
    }
}
