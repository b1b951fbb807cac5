namespace Lectures.Torch.LanguageModel;

/// <summary>
/// The measurement part of the language-model experiment: reward std from <paramref name="Samples"/> sampled outputs per
/// training input every <paramref name="Every"/> steps; an input has small std when STD &lt; <paramref name="StdThreshold"/>
/// (5% of the reward range [0, 1]) and low reward when V &lt; <paramref name="LowReward"/>.
/// </summary>
public sealed record RewardStdProbeOptions(int Every = 20, int Samples = RewardStdProbe.DefaultSamples, double StdThreshold = 0.05, double LowReward = 0.5);
