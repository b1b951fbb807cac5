using Lectures.TextTasks;
using static TorchSharp.torch;

namespace Lectures.Torch.LanguageModel;

/// <summary>
/// What a <see cref="LanguageModelTrainer"/> minimises on a batch: <see cref="Prepare"/> turns examples into a
/// batch (with sampled outputs for RFT), then <see cref="Epochs"/> gradient steps on <see cref="Loss"/>.
/// </summary>
public abstract class TrainingObjective
{
    /// <summary>A short name for logs and charts.</summary>
    public abstract string Name { get; }

    /// <summary>Gradient steps per prepared batch.</summary>
    public virtual int Epochs => 1;

    /// <summary>Builds the batch the loss is computed on (in the caller's dispose scope).</summary>
    public abstract PreparedBatch Prepare(LanguageModelTrainer trainer, IReadOnlyList<TaskExample> examples);

    /// <summary>The loss to minimise on a prepared batch under the current weights.</summary>
    public abstract Tensor Loss(CharacterLanguageModel model, PreparedBatch batch, double temperature);
}

/// <summary>A batch ready for the loss: sequences and, for RFT, per-sequence advantages, old log-probabilities,
/// the initial model's log-softmax (for the KL penalty) and the mean sampled reward.</summary>
public sealed record PreparedBatch(SequenceBatch Sequences, Tensor? Advantages = null, Tensor? OldLogProbabilities = null,
    Tensor? ReferenceLogSoftmax = null, double MeanReward = double.NaN);

/// <summary>
/// Next-token cross-entropy: loss = -(sum over counted targets of log p(y_l | x, y_&lt;l)) / (number counted).
/// With <see cref="TokenMask.All"/> on the pretraining mix it is pretraining; with <see cref="TokenMask.Output"/> on
/// references it is supervised finetuning (SFT).
/// </summary>
public sealed class NextTokenObjective(TokenMask mask) : TrainingObjective
{
    /// <summary>Pretraining: every token after BOS counts.</summary>
    public static NextTokenObjective Pretraining { get; } = new(TokenMask.All);

    /// <summary>SFT: only the reference output counts.</summary>
    public static NextTokenObjective Sft { get; } = new(TokenMask.Output);

    /// <inheritdoc/>
    public override string Name => mask == TokenMask.All ? "pretraining" : "SFT";

    /// <inheritdoc/>
    public override PreparedBatch Prepare(LanguageModelTrainer trainer, IReadOnlyList<TaskExample> examples) => new(Sequences(examples));

    /// <summary>The prompts followed by the reference outputs, counted as the mask says.</summary>
    SequenceBatch Sequences(IReadOnlyList<TaskExample> examples) => new(
        examples.Select(e => CharacterVocabulary.Prompt(e.Task, e.Example.Input)).ToArray(),
        examples.Select(e => CharacterVocabulary.Output(e.Example.Reference)).ToArray(), mask);

    /// <inheritdoc/>
    public override Tensor Loss(CharacterLanguageModel model, PreparedBatch batch, double temperature)
    {
        using var logSoftmax = batch.Sequences.LogSoftmax(model, temperature);
        using var logProbabilities = batch.Sequences.TargetLogProbabilities(logSoftmax);
        using var total = logProbabilities.sum();
        using var counted = batch.Sequences.Mask.sum();
        return -total / counted;
    }

    /// <summary>The loss on all of <paramref name="examples"/> at once, without gradients:
    /// -(sum over every counted target of log p(y_l | x, y_&lt;l)) / (number counted), in chunks of <paramref name="chunk"/> examples.</summary>
    public double DatasetLoss(CharacterLanguageModel model, IReadOnlyList<TaskExample> examples, int chunk = 250)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (examples.Count == 0) throw new ArgumentException("The loss of a data set needs at least one example.", nameof(examples));
        model.eval();
        using var noGrad = no_grad();
        var (total, counted) = (0.0, 0.0);
        for (var start = 0; start < examples.Count; start += chunk)
        {
            using var scope = NewDisposeScope();
            var batch = Sequences(examples.Skip(start).Take(chunk).ToArray());
            using var logSoftmax = batch.LogSoftmax(model, 1);
            total += batch.TargetLogProbabilities(logSoftmax).sum().item<float>();
            counted += batch.Mask.sum().item<float>();
        }
        return -total / counted;
    }
}
