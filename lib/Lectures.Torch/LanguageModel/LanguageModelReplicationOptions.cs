using Lectures.Torch.Experiments;

namespace Lectures.Torch.LanguageModel;

/// <summary>
/// The settings of the replication of "a few SFT steps on 1% of the inputs suffice": the seeds and threads, the
/// starting model, the tasks and their inputs, the full SFT phase's stopping rule, the RFT (PPO) training shared by
/// every phase, the labelled fraction of the cheap SFT phase and its steps as fractions of the full phase's, and the
/// samples per test input of the test reward.
/// </summary>
public sealed record LanguageModelReplicationOptions : IExperimentOptions
{
    /// <summary>The seeds; each gives its own training and test inputs, cheap sample, batches and sampling.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [0, 1, 2];

    /// <summary>Torch CPU threads.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The pretrained model every run starts from: the shipped checkpoint (one pretrained model for every seed, as the paper's one T5-base).</summary>
    public StartingModel StartingModel { get; init; } = StartingModel.Shipped;

    /// <summary>The tasks (increment and translate, where the SFT phase matters) with 2,000 training inputs (independent draws,
    /// <see cref="LanguageModelReplicationExperiment.TrainingInputs"/>) and 300 distinct test inputs that are not among them.</summary>
    public TextTaskOptions Tasks { get; init; } = new(["increment", "translate"], TrainInputs: 2000, TestInputs: 300);

    /// <summary>When the full SFT phase stops.</summary>
    public SftPlateauOptions FullSft { get; init; } = new();

    /// <summary>Steps of each RFT phase, batch size and learning rate of every phase, RFT samples and PPO epochs (the language-model experiment's).</summary>
    public LanguageModelFinetuningOptions Finetuning { get; init; } = new();

    /// <summary>The cheap SFT phase's labelled inputs: a uniformly random fraction of the training inputs (1%).</summary>
    public double CheapInputFraction { get; init; } = 0.01;

    /// <summary>The cheap SFT phase's steps as fractions of the full phase's: ceil(fraction * N_full), at least 1.</summary>
    public IReadOnlyList<double> CheapStepFractions { get; init; } = [0.05, 0.1, 0.2, 0.4];

    /// <summary>Sampled outputs per test input of the test reward.</summary>
    public int TestSamples { get; init; } = RewardStdProbe.DefaultSamples;

    /// <summary>The command line's run: 3 seeds, increment and translate, 2,000 training and 300 test inputs, 60 RFT steps.</summary>
    public static LanguageModelReplicationOptions Standard => new();

    /// <summary>A run for a live lecture: seed 0, translate, 300 training inputs (1% = 3) and 60 test inputs, SFT evaluated
    /// every 20 steps with patience 2 up to 100 steps, 8 RFT steps.</summary>
    public static LanguageModelReplicationOptions Reduced(string task = "translate") => new()
    {
        Seeds = [0],
        Tasks = new TextTaskOptions([task], TrainInputs: 300, TestInputs: 60),
        FullSft = new SftPlateauOptions(Every: 20, Patience: 2, MaxSteps: 100),
        Finetuning = new LanguageModelFinetuningOptions(Steps: 8),
    };

    /// <summary>Checks the sizes, the fractions and the stopping rule.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(StartingModel);
        StartingModel.Validate();
        var (t, f) = (Tasks, Finetuning);
        if (Seeds.Count == 0 || Seeds.Distinct().Count() != Seeds.Count || t.Names is null || t.Names.Count == 0)
            throw new ArgumentException($"The replication needs distinct seeds and named tasks; got seeds [{string.Join(", ", Seeds)}] and tasks [{string.Join(", ", t.Names ?? [])}].");
        if (Threads < 1 || t.TrainInputs < 2 || t.TestInputs < 1 || f.Steps < 1 || f.BatchSize < 1 || f.SamplesPerInput < 2 || f.PpoEpochs < 1 || TestSamples < 2)
            throw new ArgumentException($"Every size of the replication must be positive (train inputs, samples >= 2); got {this}.");
        if (!(CheapInputFraction > 0 && CheapInputFraction <= 1) || CheapStepFractions.Count == 0 || CheapStepFractions.Any(x => !(x > 0 && x <= 1)))
            throw new ArgumentException($"The cheap phase's input fraction and step fractions must be in (0, 1]; got {CheapInputFraction} and [{string.Join(", ", CheapStepFractions)}].");
        _ = new SftPlateau(FullSft);
    }

    /// <summary>The labelled inputs of the cheap SFT phase: round(fraction * n), at least 1.</summary>
    public int CheapInputs => Math.Max(1, (int)Math.Round(CheapInputFraction * Tasks.TrainInputs));

    /// <summary>The cheap SFT phase's steps for a full phase of <paramref name="fullSteps"/> steps: ceil(fraction * N_full), at least 1, per step fraction.</summary>
    public int[] CheapSteps(int fullSteps) =>
        // 1e-9 keeps products that are whole numbers in exact arithmetic whole (0.1 * 300 is 30.000000000000004 in doubles).
        [.. CheapStepFractions.Select(x => Math.Max(1, (int)Math.Ceiling(x * fullSteps - 1e-9)))];

    /// <summary>One line per setting, as the journal records them.</summary>
    public IReadOnlyList<(string Name, string Value)> Settings() => SettingsDescription.Of(this, nameof(CheapInputs));
}
