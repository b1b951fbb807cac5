namespace Lectures.Torch.Finetuning;

/// <summary>The pretraining part of a controlled experiment: <paramref name="Steps"/> full-batch Adam steps at <paramref name="LearningRate"/> on the label sets (<see cref="Pretraining"/>).</summary>
public sealed record PretrainingOptions(int Steps = 1000, double LearningRate = 3e-3);
