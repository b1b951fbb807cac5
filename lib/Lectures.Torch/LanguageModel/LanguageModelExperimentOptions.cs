using Lectures.Torch.Experiments;

namespace Lectures.Torch.LanguageModel;

/// <summary>
/// Sizes of the language-model experiment. Every finetuning run starts from the same pretrained weights and takes
/// <see cref="FinetuningSteps"/> steps of <see cref="BatchSize"/> inputs; RFT samples <see cref="SamplesPerInput"/>
/// outputs per input. Reward std is measured from <see cref="ProbeSamples"/> samples per training input every
/// <see cref="ProbeEvery"/> steps; an input has small std when STD &lt; <see cref="StdThreshold"/> (5% of the reward
/// range [0, 1]) and low reward when V &lt; <see cref="LowReward"/>.
/// </summary>
public sealed record LanguageModelExperimentOptions
{
    /// <summary>Seed of data, weights, batches and sampling.</summary>
    public int Seed { get; init; }

    /// <summary>Torch CPU threads (1 keeps runs deterministic and fast on a shared 2-core machine).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Hidden size of the GRU.</summary>
    public int HiddenSize { get; init; } = 128;

    /// <summary>The pretrained model every finetuning run starts from: pretraining 3000 steps by default.</summary>
    public StartingModel StartingModel { get; init; } = new LanguageModelPretraining();

    /// <summary>Task names to run (null: all of <see cref="Lectures.TextTasks.TextBenchmark.Tasks"/>).</summary>
    public IReadOnlyList<string>? Tasks { get; init; }

    /// <summary>Training inputs per task.</summary>
    public int TrainInputs { get; init; } = 120;

    /// <summary>Held-out test inputs per task.</summary>
    public int TestInputs { get; init; } = 120;

    /// <summary>Steps of every finetuning run (SFT, RFT, and RFT after an SFT phase).</summary>
    public int FinetuningSteps { get; init; } = 60;

    /// <summary>Inputs per finetuning step.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Sampled outputs per input in RFT.</summary>
    public int SamplesPerInput { get; init; } = 8;

    /// <summary>Adam learning rate of finetuning.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>PPO steps per sampled batch.</summary>
    public int PpoEpochs { get; init; } = 2;

    /// <summary>Also run REINFORCE with a baseline (PPO is always run).</summary>
    public bool IncludeReinforce { get; init; } = true;

    /// <summary>Whether to run "SFT then RFT" and "small SFT then RFT" (the SFT-phase figures are NaN without them).</summary>
    public bool IncludeSftPhaseRuns { get; init; } = true;

    /// <summary>Steps of the initial SFT phase on all labelled training inputs.</summary>
    public int InitialSftSteps { get; init; } = 20;

    /// <summary>Fraction of training inputs labelled for the cheap initial SFT phase.</summary>
    public double LabelledFraction { get; init; } = 0.1;

    /// <summary>Steps of the cheap initial SFT phase.</summary>
    public int SmallSftSteps { get; init; } = 10;

    /// <summary>Steps between reward-std measurements during finetuning.</summary>
    public int ProbeEvery { get; init; } = 20;

    /// <summary>Sampled outputs per input for a reward-std measurement.</summary>
    public int ProbeSamples { get; init; } = RewardStdProbe.DefaultSamples;

    /// <summary>STD below this is small (5% of the reward range [0, 1]).</summary>
    public double StdThreshold { get; init; } = 0.05;

    /// <summary>V below this is low.</summary>
    public double LowReward { get; init; } = 0.5;

    /// <summary>A run small enough for a live lecture: one task, from the shipped checkpoint, 48 training and test
    /// inputs, 30 steps per run, no REINFORCE.</summary>
    public static LanguageModelExperimentOptions Reduced(string task = "translate") => new()
    {
        StartingModel = StartingModel.Shipped,
        Tasks = [task],
        TrainInputs = 48,
        TestInputs = 48,
        FinetuningSteps = 30,
        ProbeEvery = 15,
        InitialSftSteps = 10,
        SmallSftSteps = 5,
        IncludeReinforce = false,
    };

    /// <summary>Checks that every size is positive and the fractions and thresholds are in range.</summary>
    public LanguageModelExperimentOptions Validated()
    {
        ArgumentNullException.ThrowIfNull(StartingModel);
        StartingModel.Validate();
        if (Threads < 1 || HiddenSize < 1 || TrainInputs < 2 || TestInputs < 1 || FinetuningSteps < 1
            || BatchSize < 1 || SamplesPerInput < 2 || PpoEpochs < 1 || InitialSftSteps < 1 || SmallSftSteps < 1 || ProbeEvery < 1
            || ProbeSamples < 2)
            throw new ArgumentException($"Every size of the language-model experiment must be positive (train inputs, samples >= 2); got {this}.");
        if (!(LabelledFraction > 0 && LabelledFraction <= 1))
            throw new ArgumentException($"The labelled fraction must be in (0, 1]; got {LabelledFraction}.");
        if (!(StdThreshold > 0 && StdThreshold <= 1) || !(LowReward > 0 && LowReward <= 1))
            throw new ArgumentException($"The std threshold and low-reward level must be in (0, 1]; got {StdThreshold} and {LowReward}.");
        return this;
    }

    /// <summary>
    /// The settings as the journal records them: one line per option, with the starting model written as the flat
    /// options of earlier versions (PretrainedModelPath, PretrainingBatchSize, PretrainingLearningRate, PretrainingSteps,
    /// UseShippedModel; the pretraining defaults when the model is loaded), so that a run directory started by them resumes.
    /// </summary>
    public IReadOnlyList<(string Name, string Value)> Settings()
    {
        var pretraining = StartingModel as LanguageModelPretraining ?? new LanguageModelPretraining();
        var start = SettingsDescription.Of(new
        {
            PretrainedModelPath = (StartingModel as CheckpointFile)?.Path,
            PretrainingBatchSize = pretraining.BatchSize,
            PretrainingLearningRate = pretraining.LearningRate,
            PretrainingSteps = pretraining.Steps,
            UseShippedModel = StartingModel is ShippedCheckpoint,
        });
        return [.. SettingsDescription.Of(this, nameof(StartingModel)).Concat(start).OrderBy(s => s.Name, StringComparer.Ordinal)];
    }
}
