namespace Lectures.Finetuning;

/// <summary>
/// How to run a gradient-flow simulation: integrate to <paramref name="EndTime"/> (or stop earlier once every input
/// is correctly classified and has reached V &gt;= <paramref name="RewardTarget"/>, all snapshots taken, when
/// <paramref name="StopWhenAllReached"/>); Dormand-Prince error control with <paramref name="RelativeTolerance"/> and
/// <paramref name="AbsoluteTolerance"/>; per-input V, STD and gradient norm recorded at <paramref name="SnapshotTimes"/>.
/// </summary>
public sealed record SimulationOptions(
    double EndTime,
    double RewardTarget = 0,
    double RelativeTolerance = 1e-8,
    double AbsoluteTolerance = 1e-10,
    double[]? SnapshotTimes = null,
    bool StopWhenAllReached = true)
{
    /// <summary>t = 0, then <paramref name="count"/> times evenly spread on a log scale from EndTime / 10^4 to EndTime:
    /// t_j = EndTime 10^{4 (j/(count-1) - 1)}.</summary>
    public static double[] LogSpacedTimes(double endTime, int count) =>
        [0, .. Enumerable.Range(0, count).Select(j => endTime * Math.Pow(10, 4.0 * ((double)j / Math.Max(count - 1, 1) - 1)))];

    internal void Validate()
    {
        if (!(EndTime > 0 && double.IsFinite(EndTime)))
            throw new ArgumentOutOfRangeException(nameof(EndTime), EndTime, $"The end time must be positive and finite; got {EndTime}.");
        if (RewardTarget is not (>= -1 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(RewardTarget), RewardTarget, $"The reward target must be in [-1, 1]; got {RewardTarget}.");
        if (!(RelativeTolerance > 0) || !(AbsoluteTolerance > 0))
            throw new ArgumentOutOfRangeException(nameof(RelativeTolerance), $"Tolerances must be positive; got rtol = {RelativeTolerance}, atol = {AbsoluteTolerance}.");
        var times = SnapshotTimes ?? [];
        for (var j = 0; j < times.Length; j++)
            if (!(times[j] >= 0 && times[j] <= EndTime) || (j > 0 && times[j] < times[j - 1]))
                throw new ArgumentException($"Snapshot time {times[j]} (index {j}) must be in [0, {EndTime}] and not before the previous one.", nameof(SnapshotTimes));
    }
}

/// <summary>
/// The outcome of a simulation: per input, the time it becomes correctly classified (argmax = label) and the time
/// V first reaches the target (+infinity when not reached by the time the run stopped; 0 when true at the start),
/// the snapshots, and the integrator's work and tolerances.
/// </summary>
public sealed record SimulationResult(
    FinetuningObjective Objective,
    double[] CorrectTimes,
    double[] TargetTimes,
    double RewardTarget,
    IReadOnlyList<SimulationSnapshot> Snapshots,
    double FinalTime,
    int AcceptedSteps,
    int RejectedSteps,
    double RelativeTolerance,
    double AbsoluteTolerance);

/// <summary>
/// The state at one time: per input V(x_i), STD(x_i) and the norm ||(1/n) g_i x_i^T|| of its part of the objective's
/// gradient with respect to Theta, and the norm of the whole (batch) gradient.
/// </summary>
public sealed record SimulationSnapshot(double Time, double[] ExpectedReward, double[] RewardStd, double[] GradientNorm, double BatchGradientNorm)
{
    /// <summary>The norm of the gradient part from the given inputs, sqrt(sum_{i in S} ||(1/n) g_i||^2)
    /// (exact because the x_i are orthonormal).</summary>
    public double GradientNormOf(IEnumerable<int> inputs) => Math.Sqrt(inputs.Sum(i => GradientNorm[i] * GradientNorm[i]));

    /// <summary>The mean of V(x_i) over the given inputs.</summary>
    public double MeanExpectedReward(IEnumerable<int> inputs) => inputs.Average(i => ExpectedReward[i]);

    /// <summary>The fraction of inputs whose reward std is strictly below <paramref name="threshold"/> (what
    /// <see cref="RewardStdMonitor"/> reports as small-std inputs).</summary>
    public double FractionBelow(double threshold) =>
        RewardStd.Length == 0 ? 0 : (double)RewardStd.Count(s => s < threshold) / RewardStd.Length;
}

// Per-input event times and snapshot values, shared by the full-matrix and the per-input paths.
internal sealed class SimulationRecorder
{
    private readonly LogitFlow flow;
    private readonly FinetuningObjective objective;
    private readonly SimulationOptions options;
    private readonly double[] correct, target;
    private readonly double[][] v, std, grad;

    public SimulationRecorder(LogitFlow flow, FinetuningObjective objective, SimulationOptions options)
    {
        options.Validate();
        (this.flow, this.objective, this.options) = (flow, objective, options);
        var n = flow.InputCount;
        correct = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        target = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        Times = options.SnapshotTimes ?? [];
        v = Times.Select(_ => new double[n]).ToArray();
        std = Times.Select(_ => new double[n]).ToArray();
        grad = Times.Select(_ => new double[n]).ToArray();
    }

    public double[] Times { get; }

    public double EndTime => options.EndTime;

    /// <summary>True while input i still has an event to find.</summary>
    public bool Pending(int i) => double.IsPositiveInfinity(correct[i]) || double.IsPositiveInfinity(target[i]);

    /// <summary>Whether the run should continue past <paramref name="time"/> with snapshot index <paramref name="snapshot"/> next.</summary>
    public bool Continue(double time, int snapshot, bool pending) =>
        time < options.EndTime && (snapshot < Times.Length || pending || !options.StopWhenAllReached);

    /// <summary>True when an event of input i not found yet holds at the end logits <paramref name="zEnd"/>.</summary>
    public bool Crossed(int i, ReadOnlySpan<double> zEnd, Span<double> p) =>
        (double.IsPositiveInfinity(correct[i]) && flow.Margin(i, zEnd) > 0) ||
        (double.IsPositiveInfinity(target[i]) && flow.ExpectedReward(i, zEnd, p) >= options.RewardTarget);

    public void RecordInput(int snapshot, int i, ReadOnlySpan<double> z, Span<double> p, Span<double> dz)
    {
        (v[snapshot][i], std[snapshot][i], grad[snapshot][i]) = flow.Velocity(objective, i, z, p, dz);
    }

    public void CheckStart(int i, ReadOnlySpan<double> z, Span<double> p)
    {
        if (flow.Margin(i, z) > 0) correct[i] = 0;
        if (flow.ExpectedReward(i, z, p) >= options.RewardTarget) target[i] = 0;
    }

    /// <summary>Finds the events of input i inside a step whose end logits are <paramref name="zEnd"/>, by bisection
    /// on the dense output (z and p are scratch).</summary>
    public void CheckStep(int i, ReadOnlySpan<double> zEnd, DenseSegment segment, Span<double> z, Span<double> p)
    {
        if (double.IsPositiveInfinity(correct[i]) && flow.Margin(i, zEnd) > 0)
            correct[i] = Bisect(segment, z, zz => flow.Margin(i, zz) > 0);
        if (double.IsPositiveInfinity(target[i]) && flow.ExpectedReward(i, zEnd, p) >= options.RewardTarget)
        {
            var scratch = p.ToArray();
            target[i] = Bisect(segment, z, zz => flow.ExpectedReward(i, zz, scratch) >= options.RewardTarget);
        }
    }

    public bool AnyPending()
    {
        for (var i = 0; i < flow.InputCount; i++)
            if (Pending(i)) return true;
        return false;
    }

    public SimulationResult Result(int accepted, int rejected, double finalTime, double[]? batchGradientNorms)
    {
        var snapshots = Times.Select((t, j) => new SimulationSnapshot(t, v[j], std[j], grad[j],
            batchGradientNorms?[j] ?? Math.Sqrt(grad[j].Sum(g => g * g)))).ToList();
        return new SimulationResult(objective, correct, target, options.RewardTarget, snapshots, finalTime, accepted, rejected,
            options.RelativeTolerance, options.AbsoluteTolerance);
    }

    // The event is false at the segment start and true at its end; halve until the bracket is at rounding level.
    private static double Bisect(DenseSegment segment, Span<double> z, ZPredicate happened)
    {
        double lo = segment.Start, hi = segment.End;
        for (var iteration = 0; iteration < 100 && hi - lo > 1e-14 * hi; iteration++)
        {
            var mid = 0.5 * (lo + hi);
            segment.Evaluate(mid, z);
            if (happened(z)) hi = mid;
            else lo = mid;
        }
        return hi;
    }

    private delegate bool ZPredicate(ReadOnlySpan<double> z);
}
