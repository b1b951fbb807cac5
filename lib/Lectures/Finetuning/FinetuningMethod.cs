namespace Lectures.Finetuning;

/// <summary>
/// A finetuning method: its phases, run in order from the pretrained model. Its name is built from the phases (each
/// with its steps when there are several), so equal methods have equal names and different ones different names, in
/// every experiment: e.g. "SFT on 1% for 5 steps, lr x0.1, then RFT (exact gradient) for 1495 steps".
/// </summary>
public sealed class FinetuningMethod
{
    /// <summary>A method of the given phases, at least one.</summary>
    public FinetuningMethod(params MethodPhase[] phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        if (phases.Length == 0)
            throw new ArgumentException("A finetuning method needs at least one phase.", nameof(phases));
        Phases = phases;
        Name = string.Join(", then ", phases.Select(p => p.Name(withSteps: phases.Length > 1)));
    }

    /// <summary>The phases in order.</summary>
    public IReadOnlyList<MethodPhase> Phases { get; }

    /// <summary>The phases' names joined by ", then ".</summary>
    public string Name { get; }

    /// <summary>The total number of steps, sum of the phases' steps.</summary>
    public int TotalSteps => Phases.Sum(p => p.Steps);

    /// <summary>A heuristic for RFT: one RFT phase with a learning-rate scale, temperature or entropy bonus.</summary>
    public bool IsHeuristic => Phases is [{ Objective: FinetuningObjective.Rft } p]
                               && (p.LearningRateScale != 1 || p.Temperature != 1 || p.EntropyBonus != 0);

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
