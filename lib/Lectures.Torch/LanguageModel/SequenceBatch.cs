using Lectures.TextTasks;
using static TorchSharp.torch;

namespace Lectures.Torch.LanguageModel;

/// <summary>Which next-token predictions a loss counts: every token after BOS (pretraining) or only the output (SFT, RFT).</summary>
public enum TokenMask
{
    /// <summary>Prompt and output tokens after BOS.</summary>
    All,

    /// <summary>Output tokens (the answer and its EOS) only.</summary>
    Output,
}

/// <summary>
/// Prompts (left-padded to <see cref="CharacterVocabulary.PromptWidth"/>) followed by outputs (right-padded), as
/// model inputs y_0..y_{L-2}, targets y_1..y_{L-1} and a 0/1 mask of the targets a loss counts. Tensors belong to
/// the caller's dispose scope.
/// </summary>
public sealed class SequenceBatch
{
    /// <summary>Builds the batch from prompt tokens and output tokens (each output ending in EOS unless cut at the maximum length).</summary>
    public SequenceBatch(IReadOnlyList<int[]> prompts, IReadOnlyList<int[]> outputs, TokenMask mask)
    {
        if (prompts.Count != outputs.Count || prompts.Count == 0)
            throw new ArgumentException($"A batch needs as many outputs as prompts, at least one; got {prompts.Count} prompts and {outputs.Count} outputs.");
        const int width = CharacterVocabulary.PromptWidth;
        var length = width + Math.Max(1, outputs.Max(o => o.Length));
        var tokens = new long[prompts.Count * length];
        var weights = new float[prompts.Count * (length - 1)];
        for (var i = 0; i < prompts.Count; i++)
        {
            if (prompts[i].Length != width)
                throw new ArgumentException($"Prompt {i} has {prompts[i].Length} tokens; prompts are left-padded to {width}.", nameof(prompts));
            for (var j = 0; j < width; j++) tokens[i * length + j] = prompts[i][j];
            for (var j = 0; j < outputs[i].Length; j++) tokens[i * length + width + j] = outputs[i][j];
            for (var j = 1; j < length; j++)
            {
                var target = tokens[i * length + j];
                var counted = target != CharacterVocabulary.Pad && target != CharacterVocabulary.Bos && (mask == TokenMask.All || j >= width);
                weights[i * (length - 1) + j - 1] = counted ? 1 : 0;
            }
        }
        using var all = tensor(tokens, [prompts.Count, length], ScalarType.Int64);
        Inputs = all[.., ..^1].contiguous();
        Targets = all[.., 1..].contiguous();
        Mask = tensor(weights, [prompts.Count, length - 1]);
        Count = prompts.Count;
    }

    /// <summary>Model inputs [batch, length - 1].</summary>
    public Tensor Inputs { get; }

    /// <summary>Next-token targets [batch, length - 1].</summary>
    public Tensor Targets { get; }

    /// <summary>1 where a target is counted, else 0 [batch, length - 1].</summary>
    public Tensor Mask { get; }

    /// <summary>Number of sequences.</summary>
    public int Count { get; }

    /// <summary>Log-softmax of z / tau at every position [batch, length - 1, vocabulary].</summary>
    public Tensor LogSoftmax(CharacterLanguageModel model, double temperature)
    {
        using var logits = model.forward(Inputs);
        using var scaled = logits.DividedBy(temperature);
        return scaled.log_softmax(-1);
    }

    /// <summary>log p(y_l | x, y_&lt;l) of every counted target, 0 elsewhere [batch, length - 1], from a log-softmax.</summary>
    public Tensor TargetLogProbabilities(Tensor logSoftmax)
    {
        using var picked = logSoftmax.gather(-1, Targets.unsqueeze(-1)).squeeze(-1);
        return picked * Mask;
    }
}
