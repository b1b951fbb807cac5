using Lectures.Finetuning;

namespace Lectures.Torch.Finetuning;

/// <summary>The log of one finetuning run; <see cref="DivergedAtStep"/> is set when the logits stopped being finite.</summary>
/// <param name="Records">One row per (logged step, group).</param>
/// <param name="DivergedAtStep">The step where the logits stopped being finite, or null.</param>
public sealed record FinetuningRun(IReadOnlyList<FinetuningRecord> Records, int? DivergedAtStep);
