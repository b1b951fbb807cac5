namespace Lectures.Torch.Experiments;

/// <summary>Progress of a long experiment: training runs done out of the total, and what was just finished.</summary>
/// <param name="Done">Steps finished.</param>
/// <param name="Total">Steps in the whole experiment.</param>
/// <param name="Message">What the last step was, e.g. "1-WIS 50% seed 2: test accuracy 0.861".</param>
public sealed record ExperimentProgress(int Done, int Total, string Message)
{
    /// <summary>"[done/total] message".</summary>
    public override string ToString() => $"[{Done}/{Total}] {Message}";
}
