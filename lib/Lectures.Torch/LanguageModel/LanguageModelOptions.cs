using Lectures.Torch.Experiments;

namespace Lectures.Torch.LanguageModel;

/// <summary>
/// The settings of the language-model experiment, built from parts: the seed and threads, the model (hidden size),
/// the starting model (shipped, a file, or pretraining), the tasks, the finetuning training, the methods and the
/// reward-std measurement. Every finetuning run starts from the same pretrained weights.
/// </summary>
public sealed record LanguageModelOptions : IExperimentOptions
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
    public TextTaskOptions Tasks { get; init; } = new();

    /// <summary>Steps, batch size, learning rate and RFT sampling of every run.</summary>
    public LanguageModelFinetuningOptions Finetuning { get; init; } = new();

    /// <summary>Which methods run and their SFT phases.</summary>
    public LanguageModelMethodOptions Methods { get; init; } = new();

    /// <summary>How and how often reward std is measured, and the small-std and low-reward levels.</summary>
    public RewardStdProbeOptions Probe { get; init; } = new();

    /// <summary>The command line's run: every task, pretraining 3000 steps, 120 training and test inputs, 60 steps per run.</summary>
    public static LanguageModelOptions Standard => new();

    /// <summary>A run small enough for a live lecture: one task, from the shipped checkpoint, 48 training and test
    /// inputs, 30 steps per run, no REINFORCE.</summary>
    public static LanguageModelOptions Reduced(string task = "translate") => new()
    {
        StartingModel = StartingModel.Shipped,
        Tasks = new TextTaskOptions([task], TrainInputs: 48, TestInputs: 48),
        Finetuning = new LanguageModelFinetuningOptions(Steps: 30),
        Probe = new RewardStdProbeOptions(Every: 15),
        Methods = new LanguageModelMethodOptions(IncludeReinforce: false, InitialSftSteps: 10, CheapSftSteps: 5),
    };

    /// <summary>Checks that every size is positive and the fractions and thresholds are in range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(StartingModel);
        StartingModel.Validate();
        var (t, f, m, p) = (Tasks, Finetuning, Methods, Probe);
        if (Threads < 1 || HiddenSize < 1 || t.TrainInputs < 2 || t.TestInputs < 1 || f.Steps < 1
            || f.BatchSize < 1 || f.SamplesPerInput < 2 || f.PpoEpochs < 1 || m.InitialSftSteps < 1 || m.CheapSftSteps < 1 || p.Every < 1
            || p.Samples < 2)
            throw new ArgumentException($"Every size of the language-model experiment must be positive (train inputs, samples >= 2); got {this}.");
        if (!(m.CheapSftFraction > 0 && m.CheapSftFraction <= 1))
            throw new ArgumentException($"The labelled fraction must be in (0, 1]; got {m.CheapSftFraction}.");
        if (!(p.StdThreshold > 0 && p.StdThreshold <= 1) || !(p.LowReward > 0 && p.LowReward <= 1))
            throw new ArgumentException($"The std threshold and low-reward level must be in (0, 1]; got {p.StdThreshold} and {p.LowReward}.");
    }

    /// <summary>The settings as the journal records them, under the earlier flat names (<see cref="JournalMigrations.Settings(LanguageModelOptions)"/>).</summary>
    public IReadOnlyList<(string Name, string Value)> Settings() => JournalMigrations.Settings(this);
}
