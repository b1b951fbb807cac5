using Lectures.TextTasks;
using TorchSharp;
using static TorchSharp.torch;

namespace Lectures.Torch.LanguageModel;

/// <summary>Settings of a <see cref="LanguageModelTrainer"/>: Adam's learning rate, inputs per step, gradient-norm
/// clipping, decoding of sampled outputs, and the seed of batch choice and sampling.</summary>
public sealed record LanguageModelTrainerOptions(double LearningRate = 1e-3, int BatchSize = 32, double MaxGradientNorm = 1,
    DecodingOptions? Decoding = null, int Seed = 0)
{
    /// <summary>The decoding of sampled outputs (default: tau = 1, at most 12 tokens).</summary>
    public DecodingOptions Decoding { get; init; } = Decoding ?? new DecodingOptions();

    /// <summary>Checks the learning rate, batch size and clipping norm are positive.</summary>
    public LanguageModelTrainerOptions Validated() =>
        LearningRate > 0 && BatchSize > 0 && MaxGradientNorm > 0 ? this with { Decoding = Decoding.Validated() }
            : throw new ArgumentException($"Learning rate, batch size and gradient-norm clip must be positive; got {LearningRate}, {BatchSize}, {MaxGradientNorm}.");
}

/// <summary>One training step: the loss of its first epoch and, for RFT, the mean sampled reward.</summary>
public readonly record struct TrainingStep(int Step, double Loss, double MeanReward);

/// <summary>
/// The one training loop for pretraining, SFT and RFT: each step draws <see cref="LanguageModelTrainerOptions.BatchSize"/> examples
/// (with replacement, seeded), lets the objective prepare the batch (sampling outputs for RFT), then takes
/// <see cref="TrainingObjective.Epochs"/> Adam steps on its loss with the gradient norm clipped. The optimizer state
/// lives as long as the trainer, so successive <see cref="Train"/> calls continue one run.
/// </summary>
public sealed class LanguageModelTrainer : IDisposable
{
    readonly optim.Optimizer optimizer;
    readonly Random random;
    readonly Generator generator;

    /// <summary>A trainer of <paramref name="model"/> with a fresh Adam optimizer.</summary>
    public LanguageModelTrainer(CharacterLanguageModel model, LanguageModelTrainerOptions? options = null)
    {
        Options = (options ?? new LanguageModelTrainerOptions()).Validated();
        Model = model;
        optimizer = optim.Adam(model.parameters(), Options.LearningRate);
        random = new Random(Options.Seed);
        generator = new Generator((ulong)Options.Seed);
    }

    /// <summary>The model being trained.</summary>
    public CharacterLanguageModel Model { get; }

    /// <summary>The trainer's settings.</summary>
    public LanguageModelTrainerOptions Options { get; }

    /// <summary>Steps taken so far.</summary>
    public int StepsTaken { get; private set; }

    /// <summary>Samples outputs of the current model with the trainer's generator (row i * m + s is sample s of prompt i).</summary>
    public SampledOutput[] Sample(IReadOnlyList<int[]> prompts, int samplesPerPrompt) =>
        Decoding.Generate(Model, prompts, samplesPerPrompt, Options.Decoding, generator);

    /// <summary>Takes <paramref name="steps"/> steps of <paramref name="objective"/> on batches drawn from <paramref name="data"/>.</summary>
    public TrainingStep[] Train(TrainingObjective objective, IReadOnlyList<TaskExample> data, int steps, IProgress<TrainingStep>? progress = null)
    {
        if (data.Count == 0) throw new ArgumentException("Training needs at least one example.", nameof(data));
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"Steps must be >= 0; got {steps}.");
        Model.train();
        var log = new TrainingStep[steps];
        for (var s = 0; s < steps; s++)
        {
            using var scope = NewDisposeScope();
            var batch = Enumerable.Range(0, Options.BatchSize).Select(_ => data[random.Next(data.Count)]).ToArray();
            var prepared = objective.Prepare(this, batch);
            var firstLoss = double.NaN;
            for (var epoch = 0; epoch < objective.Epochs; epoch++)
            {
                optimizer.zero_grad();
                var loss = objective.Loss(Model, prepared, Options.Decoding.Temperature);
                loss.backward();
                nn.utils.clip_grad_norm_(Model.parameters(), Options.MaxGradientNorm);
                optimizer.step();
                if (epoch == 0) firstLoss = loss.item<float>();
            }
            log[s] = new TrainingStep(++StepsTaken, firstLoss, prepared.MeanReward);
            progress?.Report(log[s]);
            Lectures.Interruption.ThrowIfRequested();
        }
        return log;
    }

    /// <summary>Frees the optimizer and the sampling generator.</summary>
    public void Dispose()
    {
        optimizer.Dispose();
        generator.Dispose();
    }
}
