namespace Lectures.Torch.Gnn.Models;

/// <summary>
/// GCN (Kipf and Welling 2017) of depth L: h^(l) = Dropout(LayerNorm(ReLU(D^-1/2 (A + I) D^-1/2 h^(l-1) W_l + b_l))),
/// l = 1..L, then a linear head.
/// </summary>
public sealed class Gcn : NormalisedConvolutionStack
{
    /// <summary>A GCN with the given widths, depth and dropout probability.</summary>
    public Gcn(int inputs, int hidden, int outputs, int depth, double dropoutProbability, GnnReadout readout)
        : base(nameof(Gcn), inputs, hidden, outputs, depth, dropoutProbability, readout,
            (fanIn, fanOut) => new GraphConv(fanIn, fanOut, Aggregation.SymmetricNormalised))
    {
    }
}
