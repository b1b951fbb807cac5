using TorchSharp;
using static TorchSharp.torch;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// A multilayer perceptron with ReLU, in double precision: z = W_L relu(... relu(W_1 x + b_1) ...) + b_L, the
/// logit vector over the classes. Layer sizes are given in order, e.g. 64-128-64-10 for the digits.
/// </summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor>[] layers;
    readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> layerList;

    /// <summary>Held while a model seeds torch's generator and draws its initial weights (runs go in parallel; the generator is shared).</summary>
    static readonly object InitialWeights = new();

    /// <summary>
    /// An MLP with the given layer sizes (at least input and output) and element type, initialised from torch's
    /// generator seeded with <paramref name="seed"/> (PyTorch's default uniform initialisation of linear layers).
    /// </summary>
    public Mlp(IReadOnlyList<int> sizes, int seed, ScalarType dtype = ScalarType.Float64) : base(nameof(Mlp))
    {
        if (sizes.Count < 2 || sizes.Any(s => s < 1))
            throw new ArgumentException($"Layer sizes [{string.Join(", ", sizes)}] are invalid: expected at least two positive sizes (input ... output).", nameof(sizes));
        Runtime.TorchRuntime.EnsureLoaded();
        Sizes = sizes.ToArray();
        DType = dtype;
        layers = new nn.Module<Tensor, Tensor>[sizes.Count - 1];
        lock (InitialWeights)
        {
            torch.manual_seed(seed);
            for (var l = 0; l < layers.Length; l++)
                layers[l] = nn.Linear(sizes[l], sizes[l + 1], hasBias: true, dtype: dtype);
        }
        layerList = nn.ModuleList(layers);
        RegisterComponents();
    }

    /// <summary>The layer sizes, input first, number of classes last.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>The element type of the weights (Float64 by default, Float32 for speed).</summary>
    public ScalarType DType { get; }

    /// <summary>The logits z(x) for a batch of inputs (one row per input).</summary>
    public override Tensor forward(Tensor input)
    {
        var h = input;
        for (var l = 0; l < layers.Length; l++)
        {
            var z = layers[l].call(h);
            h = l < layers.Length - 1 ? nn.functional.relu(z) : z;
        }
        return h;
    }

    /// <summary>An independent copy with the same weights (finetuning runs start from one pretrained model).</summary>
    public Mlp Copy()
    {
        var copy = new Mlp(Sizes, seed: 0, DType);
        using (no_grad())
            foreach (var (mine, theirs) in parameters().Zip(copy.parameters()))
                theirs.copy_(mine);
        return copy;
    }

    /// <summary>Disposes the layers.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) layerList.Dispose();
        base.Dispose(disposing);
    }
}
