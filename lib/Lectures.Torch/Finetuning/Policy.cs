using static TorchSharp.torch;

namespace Lectures.Torch.Finetuning;

/// <summary>The softmax policy over labels and its expected reward.</summary>
public static class Policy
{
    /// <summary>p = softmax(z / tau), row by row.</summary>
    public static Tensor Probabilities(Tensor logits, double temperature)
    {
        if (!(temperature > 0))
            throw new ArgumentException($"Temperature {temperature} is invalid: expected tau > 0.", nameof(temperature));
        return nn.functional.softmax(logits.DividedBy(temperature), 1);
    }

    /// <summary>V(x_i) = sum_k p_ik r_ik, the expected reward of each row.</summary>
    public static Tensor ExpectedReward(Tensor probabilities, Tensor rewards) => (probabilities * rewards).sum(1);
}
