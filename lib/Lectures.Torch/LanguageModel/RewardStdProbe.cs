using Lectures.Finetuning;
using Lectures.TextTasks;
using TorchSharp;

namespace Lectures.Torch.LanguageModel;

/// <summary>
/// Reward std per input from sampled outputs, through <see cref="RewardStdMonitor"/>: for each input x, m outputs
/// y_1..y_m ~ p_theta(.|x), V(x) = mean r(x, y_s), STD(x) = sqrt(mean (r(x, y_s) - V(x))^2).
/// </summary>
public sealed class RewardStdProbe : IDisposable
{
    /// <summary>Samples per input used by the talk's language-model experiments.</summary>
    public const int DefaultSamples = 10;

    readonly torch.Generator generator;

    /// <summary>A probe drawing <paramref name="samplesPerInput"/> outputs per input with its own seeded generator.</summary>
    public RewardStdProbe(RewardStdMonitor monitor, DecodingOptions decoding, int seed, int samplesPerInput = DefaultSamples)
    {
        if (samplesPerInput < 2)
            throw new ArgumentOutOfRangeException(nameof(samplesPerInput), samplesPerInput, $"A reward std needs at least 2 samples per input; got {samplesPerInput}.");
        Monitor = monitor;
        Decoding = decoding.Validated();
        SamplesPerInput = samplesPerInput;
        generator = new torch.Generator((ulong)seed);
    }

    /// <summary>The monitor that receives every measurement.</summary>
    public RewardStdMonitor Monitor { get; }

    /// <summary>How outputs are sampled.</summary>
    public DecodingOptions Decoding { get; }

    /// <summary>m, the samples per input.</summary>
    public int SamplesPerInput { get; }

    /// <summary>Per-input V and STD of <paramref name="model"/> on <paramref name="inputs"/> (a copy of the monitor's observation).</summary>
    public RewardStdReport Measure(CharacterLanguageModel model, IReadOnlyList<TaskExample> inputs)
    {
        if (inputs.Count == 0) throw new ArgumentException("Measuring the reward std needs at least one input.", nameof(inputs));
        model.eval();
        var outputs = LanguageModel.Decoding.Generate(model,
            inputs.Select(e => CharacterVocabulary.Prompt(e.Task, e.Example.Input)).ToArray(), SamplesPerInput, Decoding, generator);
        var rewards = new double[outputs.Length];
        for (var i = 0; i < outputs.Length; i++)
        {
            var e = inputs[i / SamplesPerInput];
            rewards[i] = e.Task.Reward(outputs[i].Text, e.Example.Reference);
        }
        Monitor.ObserveSamples(rewards, SamplesPerInput);
        return Monitor.Report();
    }

    /// <summary>Frees the sampling generator.</summary>
    public void Dispose() => generator.Dispose();
}
