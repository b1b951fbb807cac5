namespace Lectures.Torch.Finetuning;

/// <summary>One phase of finetuning: maximise <paramref name="Objective"/> for <paramref name="Steps"/> full-batch steps
/// at the base learning rate times <paramref name="LearningRateScale"/>, with policy softmax(z / <paramref name="Temperature"/>).</summary>
public sealed record FinetuningPhase(PolicyObjective Objective, int Steps, double LearningRateScale = 1, double Temperature = 1);

/// <summary>A named finetuning method: its phases, run in order from the pretrained model.</summary>
public sealed record FinetuningMethod(string Name, IReadOnlyList<FinetuningPhase> Phases)
{
    /// <summary>The total number of steps, sum of the phases' steps.</summary>
    public int TotalSteps => Phases.Sum(p => p.Steps);

    /// <summary>A method of a single phase.</summary>
    public static FinetuningMethod Single(string name, PolicyObjective objective, int steps, double learningRateScale = 1, double temperature = 1) =>
        new(name, new[] { new FinetuningPhase(objective, steps, learningRateScale, temperature) });
}
