using Lectures.Torch.Experiments;

namespace Lectures.Torch.LanguageModel;

/// <summary>
/// The settings of the language-model experiment, built from parts: the seed and threads, the model (hidden size),
/// the starting model (shipped, a file, or pretraining), the tasks, the finetuning training, the methods and the
/// reward-std measurement. Every finetuning run starts from the same pretrained weights.
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

    /// <summary>The tasks and the inputs per task.</summary>
    public TextTaskSelection Tasks { get; init; } = new();

    /// <summary>Steps, batch size, learning rate and RFT sampling of every run.</summary>
    public LanguageModelFinetuning Finetuning { get; init; } = new();

    /// <summary>Which methods run and their SFT phases.</summary>
    public LanguageModelMethodSettings Methods { get; init; } = new();

    /// <summary>How and how often reward std is measured, and the small-std and low-reward levels.</summary>
    public RewardStdProbeSettings Probe { get; init; } = new();

    /// <summary>A run small enough for a live lecture: one task, from the shipped checkpoint, 48 training and test
    /// inputs, 30 steps per run, no REINFORCE.</summary>
    public static LanguageModelExperimentOptions Reduced(string task = "translate") => new()
    {
        StartingModel = StartingModel.Shipped,
        Tasks = new TextTaskSelection([task], TrainInputs: 48, TestInputs: 48),
        Finetuning = new LanguageModelFinetuning(Steps: 30),
        Probe = new RewardStdProbeSettings(Every: 15),
        Methods = new LanguageModelMethodSettings(IncludeReinforce: false, InitialSftSteps: 10, SmallSftSteps: 5),
    };

    /// <summary>Checks that every size is positive and the fractions and thresholds are in range.</summary>
    public LanguageModelExperimentOptions Validated()
    {
        ArgumentNullException.ThrowIfNull(StartingModel);
        StartingModel.Validate();
        var (t, f, m, p) = (Tasks, Finetuning, Methods, Probe);
        if (Threads < 1 || HiddenSize < 1 || t.TrainInputs < 2 || t.TestInputs < 1 || f.Steps < 1
            || f.BatchSize < 1 || f.SamplesPerInput < 2 || f.PpoEpochs < 1 || m.InitialSftSteps < 1 || m.SmallSftSteps < 1 || p.Every < 1
            || p.Samples < 2)
            throw new ArgumentException($"Every size of the language-model experiment must be positive (train inputs, samples >= 2); got {this}.");
        if (!(m.LabelledFraction > 0 && m.LabelledFraction <= 1))
            throw new ArgumentException($"The labelled fraction must be in (0, 1]; got {m.LabelledFraction}.");
        if (!(p.StdThreshold > 0 && p.StdThreshold <= 1) || !(p.LowReward > 0 && p.LowReward <= 1))
            throw new ArgumentException($"The std threshold and low-reward level must be in (0, 1]; got {p.StdThreshold} and {p.LowReward}.");
        return this;
    }

    /// <summary>
    /// The settings as the journal records them: one line per setting of every part under the flat names of earlier
    /// versions, with the starting model written as their flat options (PretrainedModelPath, PretrainingBatchSize,
    /// PretrainingLearningRate, PretrainingSteps, UseShippedModel; the pretraining defaults when the model is loaded),
    /// so that a run directory started by them resumes.
    /// </summary>
    public IReadOnlyList<(string Name, string Value)> Settings()
    {
        var pretraining = StartingModel as LanguageModelPretraining ?? new LanguageModelPretraining();
        return SettingsDescription.Of(new
        {
            Seed, Threads, HiddenSize,
            PretrainedModelPath = (StartingModel as CheckpointFile)?.Path,
            PretrainingBatchSize = pretraining.BatchSize,
            PretrainingLearningRate = pretraining.LearningRate,
            PretrainingSteps = pretraining.Steps,
            UseShippedModel = StartingModel is ShippedCheckpoint,
            Tasks = Tasks.Names, Tasks.TrainInputs, Tasks.TestInputs,
            FinetuningSteps = Finetuning.Steps, Finetuning.BatchSize, Finetuning.LearningRate, Finetuning.SamplesPerInput, Finetuning.PpoEpochs,
            Methods.IncludeReinforce, Methods.IncludeSftPhaseRuns, Methods.InitialSftSteps, Methods.LabelledFraction, Methods.SmallSftSteps,
            ProbeEvery = Probe.Every, ProbeSamples = Probe.Samples, Probe.StdThreshold, Probe.LowReward,
        });
    }
}
