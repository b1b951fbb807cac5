namespace Lectures.Torch.Gnn.Models;

/// <summary>
/// GAT of depth L: h^(l) = Dropout(LayerNorm(ReLU(GatConv_l(h^(l-1))))), each layer with K heads of width
/// hidden / K concatenated, then a linear head.
/// </summary>
public sealed class Gat : NormalisedConvolutionStack
{
    /// <summary>A GAT with the given widths, depth, heads and dropout probability.</summary>
    public Gat(int inputs, int hidden, int outputs, int depth, int heads, double dropoutProbability, GnnReadout readout)
        : base(nameof(Gat), inputs, hidden, outputs, depth, dropoutProbability, readout,
            (fanIn, fanOut) => new GatConv(fanIn, fanOut, heads))
    {
    }
}
