using static TorchSharp.torch;

namespace Lectures.Torch.Finetuning;

/// <summary>The optimiser family of a run.</summary>
public enum OptimizerKind
{
    /// <summary>Plain gradient descent: theta -= lr * grad.</summary>
    Sgd,

    /// <summary>Adam (beta1 = 0.9, beta2 = 0.999, eps = 1e-8): rescales each coordinate by its gradient's running RMS.</summary>
    Adam,
}

/// <summary>An optimiser and its base learning rate.</summary>
public sealed record OptimizerOptions(OptimizerKind Kind, double LearningRate)
{
    /// <summary>A label such as "SGD lr 0.05".</summary>
    public string Name => $"{(Kind == OptimizerKind.Sgd ? "SGD" : "Adam")} lr {LearningRate:G3}";

    /// <summary>A fresh optimiser over <paramref name="parameters"/> at the base learning rate times <paramref name="scale"/>.</summary>
    public optim.Optimizer Create(IEnumerable<TorchSharp.Modules.Parameter> parameters, double scale = 1)
    {
        if (!(LearningRate > 0 && scale > 0))
            throw new ArgumentException($"Learning rate {LearningRate} x {scale} is invalid: expected a positive rate.", nameof(scale));
        return Kind == OptimizerKind.Sgd
            ? optim.SGD(parameters, LearningRate * scale)
            : optim.Adam(parameters, LearningRate * scale);
    }
}
