using Lectures.Finetuning;
using Lectures.TextTasks;
using static TorchSharp.torch;

namespace Lectures.Torch.LanguageModel;

/// <summary>
/// RFT with sampled outputs: for each input, m outputs y_1..y_m ~ p_theta(.|x) are sampled and rewarded; the
/// advantage of y_s is A_s = r(x, y_s) - b_s with the leave-one-out baseline b_s = mean of the other m - 1 rewards
/// (<see cref="LeaveOneOut"/>). The surrogate is REINFORCE's, sum_s A_s log p_theta(y_s | x) with one gradient step
/// per batch, or PPO's, sum_s sum_l min(rho_l A_s, clip(rho_l, 1 - eps, 1 + eps) A_s) with the per-token ratio
/// rho_l = p_theta(y_l | x, y_&lt;l) / p_old(y_l | x, y_&lt;l) and several steps (epochs) per batch (at theta = theta_old
/// its gradient equals REINFORCE's). An optional KL penalty beta * KL(p_theta || p_init) per output token keeps the
/// policy near the initial model.
/// </summary>
public sealed class PolicyGradientObjective : TrainingObjective
{
    PolicyGradientObjective(RewardGradient estimator, int samplesPerInput, double clip, int epochs, double klCoefficient, CharacterLanguageModel? reference)
    {
        if (samplesPerInput < 2)
            throw new ArgumentOutOfRangeException(nameof(samplesPerInput), samplesPerInput, $"The leave-one-out baseline needs at least 2 samples per input; got {samplesPerInput}.");
        if (!(klCoefficient >= 0))
            throw new ArgumentOutOfRangeException(nameof(klCoefficient), klCoefficient, $"The KL coefficient must be >= 0; got {klCoefficient}.");
        if (klCoefficient > 0 && reference is null)
            throw new ArgumentException($"A KL coefficient of {klCoefficient} needs the initial model as reference.", nameof(reference));
        if (!(clip > 0 && clip < 1)) throw new ArgumentOutOfRangeException(nameof(clip), clip, $"The clip range must be in (0, 1); got {clip}.");
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, $"PPO needs at least 1 epoch per batch; got {epochs}.");
        Estimator = estimator;
        SamplesPerInput = samplesPerInput;
        Clip = clip;
        Epochs = epochs;
        KlCoefficient = klCoefficient;
        Reference = reference;
    }

    /// <summary>REINFORCE with the leave-one-out baseline, <paramref name="samplesPerInput"/> outputs per input and an optional KL penalty.</summary>
    public static PolicyGradientObjective Reinforce(int samplesPerInput = 8, double klCoefficient = 0, CharacterLanguageModel? reference = null) =>
        new(RewardGradient.Reinforce, samplesPerInput, clip: 0.2, epochs: 1, klCoefficient, reference);

    /// <summary>PPO with clip range eps = <paramref name="clip"/>, <paramref name="epochs"/> steps per batch and an optional KL penalty.</summary>
    public static PolicyGradientObjective Ppo(int samplesPerInput = 8, double clip = 0.2, int epochs = 3, double klCoefficient = 0, CharacterLanguageModel? reference = null) =>
        new(RewardGradient.Ppo, samplesPerInput, clip, epochs, klCoefficient, reference);

    /// <summary>REINFORCE or PPO.</summary>
    public RewardGradient Estimator { get; }

    /// <summary>Sampled outputs per input (m &gt;= 2 for the leave-one-out baseline).</summary>
    public int SamplesPerInput { get; }

    /// <summary>eps, the clip range of PPO's ratio.</summary>
    public double Clip { get; }

    /// <summary>beta, the weight of the KL penalty (0: none).</summary>
    public double KlCoefficient { get; }

    /// <summary>The initial model p_init of the KL penalty (needed when beta &gt; 0).</summary>
    public CharacterLanguageModel? Reference { get; }

    /// <inheritdoc/>
    public override string Name => Estimator == RewardGradient.Ppo ? "PPO" : "REINFORCE";

    /// <summary>Gradient steps per sampled batch: 1 for REINFORCE.</summary>
    public override int Epochs { get; }

    /// <inheritdoc/>
    public override PreparedBatch Prepare(LanguageModelTrainer trainer, IReadOnlyList<TaskExample> examples)
    {
        var prompts = examples.Select(e => CharacterVocabulary.Prompt(e.Task, e.Example.Input)).ToArray();
        var outputs = trainer.Sample(prompts, SamplesPerInput);
        var m = SamplesPerInput;
        var rewards = new double[outputs.Length];
        for (var i = 0; i < outputs.Length; i++)
        {
            var e = examples[i / m];
            rewards[i] = e.Task.Reward(outputs[i].Text, e.Example.Reference);
        }
        var advantages = new double[outputs.Length];
        for (var i = 0; i < examples.Count; i++)
            LeaveOneOut.Advantages(rewards.AsSpan(i * m, m), advantages.AsSpan(i * m, m));
        var sequences = new SequenceBatch(
            Enumerable.Range(0, outputs.Length).Select(i => prompts[i / m]).ToArray(),
            outputs.Select(o => o.Tokens).ToArray(), TokenMask.Output);
        using var noGrad = no_grad();
        using var current = sequences.LogSoftmax(trainer.Model, trainer.Options.Decoding.Temperature);
        var old = sequences.TargetLogProbabilities(current);
        var reference = KlCoefficient > 0 ? sequences.LogSoftmax(Reference!, trainer.Options.Decoding.Temperature) : null;
        return new PreparedBatch(sequences, tensor(advantages.Select(a => (float)a).ToArray()), old, reference, rewards.Average());
    }

    /// <inheritdoc/>
    public override Tensor Loss(CharacterLanguageModel model, PreparedBatch batch, double temperature)
    {
        var sequences = batch.Sequences;
        using var logSoftmax = sequences.LogSoftmax(model, temperature);
        using var logProbabilities = sequences.TargetLogProbabilities(logSoftmax);
        using var surrogate = Surrogate(logProbabilities, batch.OldLogProbabilities!, batch.Advantages!.unsqueeze(1), sequences.Mask);
        var loss = surrogate.DividedBy(-sequences.Count);
        if (KlCoefficient == 0) return loss;
        using var _ = loss;
        using var probabilities = logSoftmax.exp();
        using var difference = logSoftmax - batch.ReferenceLogSoftmax!;
        using var perPosition = (probabilities * difference).sum(-1);
        using var kl = (perPosition * sequences.Mask).sum();
        return loss.Plus(kl.Times(KlCoefficient).DividedBy(sequences.Count));
    }

    /// <summary>The summed surrogate over sequences and counted tokens, given log p_theta and log p_old per token
    /// [n, L] (0 where not counted), advantages [n, 1] and the 0/1 mask of counted tokens [n, L]; its gradient is the
    /// policy-gradient estimate times n.</summary>
    Tensor Surrogate(Tensor logProbabilities, Tensor oldLogProbabilities, Tensor advantages, Tensor mask)
    {
        if (Estimator == RewardGradient.Reinforce)
        {
            using var weighted = logProbabilities * advantages;
            return weighted.sum();
        }
        using var difference = logProbabilities - oldLogProbabilities;
        using var ratio = difference.exp();
        using var clipped = ratio.ClampedTo(1 - Clip, 1 + Clip);
        using var unclippedTerm = ratio * advantages;
        using var clippedTerm = clipped * advantages;
        using var surrogate = minimum(unclippedTerm, clippedTerm);
        using var counted = surrogate * mask;
        return counted.sum();
    }
}
