using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lectures.Torch.Gnn.Models;

/// <summary>
/// The layer pattern GCN and GAT share: h^(l) = Dropout(LayerNorm(ReLU(conv_l(h^(l-1))))), l = 1..L, then the
/// linear head; the subclass chooses the convolution.
/// </summary>
public abstract class NormalisedConvolutionStack : GnnModel
{
    private readonly ModuleList<nn.Module<Tensor, MessageGraph, Tensor?, Tensor>> convs = new();
    private readonly ModuleList<LayerNorm> norms = new();
    private readonly Dropout dropout;

    /// <summary>L = <paramref name="depth"/> layers, conv_l = <paramref name="convolution"/>(inputs of layer l, hidden).</summary>
    protected NormalisedConvolutionStack(string name, int inputs, int hidden, int outputs, int depth, double dropoutProbability, GnnReadout readout,
        Func<int, int, nn.Module<Tensor, MessageGraph, Tensor?, Tensor>> convolution)
        : base(name, hidden, outputs, readout)
    {
        for (var l = 0; l < depth; l++)
        {
            convs.Add(convolution(l == 0 ? inputs : hidden, hidden));
            norms.Add(nn.LayerNorm(hidden));
        }
        dropout = nn.Dropout(dropoutProbability);
        // The fields are private to this base class, which RegisterComponents on the subclass does not see.
        register_module("convs", convs);
        register_module("norms", norms);
        register_module("dropout", dropout);
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
