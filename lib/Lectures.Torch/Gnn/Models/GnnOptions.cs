using Lectures.Torch.Runtime;

namespace Lectures.Torch.Gnn.Models;

/// <summary>The message-passing architectures the kit trains.</summary>
public enum GnnArchitecture
{
    /// <summary><see cref="Models.Gcn"/>: symmetric-normalised convolution, ReLU, LayerNorm.</summary>
    Gcn,

    /// <summary><see cref="Models.Gin"/>: sum aggregation, two-layer MLP with BatchNorm.</summary>
    Gin,

    /// <summary><see cref="Models.ResGcn"/>: GCN blocks with residual connections.</summary>
    ResGcn,

    /// <summary><see cref="Models.Gat"/>: multi-head graph attention.</summary>
    Gat,
}

/// <summary>
/// A GNN's shape: architecture, hidden width, message-passing depth L, dropout probability and (GAT only) heads.
/// Defaults are the sparsification experiment's: hidden 64, depth 3, dropout 0.5, 4 heads.
/// </summary>
public sealed record GnnOptions(GnnArchitecture Architecture, int Hidden = 64, int Depth = 3, double Dropout = 0.5, int Heads = 4)
{
    /// <summary>
    /// A freshly initialised model (TorchSharp's default initialisation, drawn from torch's global generator:
    /// call torch.manual_seed first for reproducible weights).
    /// </summary>
    public GnnModel Create(int inputs, int outputs, GnnReadout readout)
    {
        if (inputs < 1) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, $"The input width must be >= 1, got {inputs}.");
        if (outputs < 1) throw new ArgumentOutOfRangeException(nameof(outputs), outputs, $"The output width must be >= 1, got {outputs}.");
        if (Hidden < 1) throw new ArgumentException($"The hidden width must be >= 1, got {Hidden}.", nameof(Hidden));
        if (Depth < 1) throw new ArgumentException($"The depth L must be >= 1, got {Depth}.", nameof(Depth));
        if (Dropout is < 0 or >= 1) throw new ArgumentException($"The dropout probability must be in [0, 1), got {Dropout}.", nameof(Dropout));
        TorchRuntime.EnsureLoaded();
        return Architecture switch
        {
            GnnArchitecture.Gcn => new Gcn(inputs, Hidden, outputs, Depth, Dropout, readout),
            GnnArchitecture.Gin => new Gin(inputs, Hidden, outputs, Depth, Dropout, readout),
            GnnArchitecture.ResGcn => new ResGcn(inputs, Hidden, outputs, Depth, Dropout, readout),
            GnnArchitecture.Gat => new Gat(inputs, Hidden, outputs, Depth, Heads, Dropout, readout),
            _ => throw new ArgumentException($"Unknown architecture {Architecture}.", nameof(Architecture)),
        };
    }

    /// <summary>E.g. "GCN (depth 3, hidden 64, dropout 0.5)".</summary>
    public override string ToString() =>
        $"{Name(Architecture)} (depth {Depth}, hidden {Hidden}{(Architecture == GnnArchitecture.Gat ? $", {Heads} heads" : "")}, dropout {Dropout})";

    /// <summary>The usual name: GCN, GIN, ResGCN, GAT.</summary>
    public static string Name(GnnArchitecture architecture) => architecture switch
    {
        GnnArchitecture.Gcn => "GCN",
        GnnArchitecture.Gin => "GIN",
        GnnArchitecture.ResGcn => "ResGCN",
        GnnArchitecture.Gat => "GAT",
        _ => architecture.ToString(),
    };
}
