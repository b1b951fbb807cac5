namespace Lectures.Torch.LanguageModel;

/// <summary>
/// The training part of the language-model experiment: every run's phases take steps of <paramref name="BatchSize"/>
/// inputs with Adam at <paramref name="LearningRate"/>; <paramref name="Steps"/> is F, the steps of SFT, of RFT, and of
/// the RFT phase after an SFT phase; RFT samples <paramref name="SamplesPerInput"/> outputs per input and PPO takes
/// <paramref name="PpoEpochs"/> steps per sampled batch.
/// </summary>
public sealed record LanguageModelFinetuningOptions(int Steps = 60, int BatchSize = 16, double LearningRate = 2e-3, int SamplesPerInput = 8, int PpoEpochs = 2);
