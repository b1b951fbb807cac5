using MathNet.Numerics;

namespace Lectures.Finetuning;

/// <summary>
/// The RFT-vs-SFT theorem on orthonormal inputs, in numbers: the time to correct classification is
/// Omega(1/STD_0^2) under RFT and O(ln(1/STD_0)) under SFT; and per input vs per batch, the inputs with small
/// reward std are left behind while the batch gradient stays large.
/// </summary>
public static class RftVersusSft
{
    /// <summary>
    /// For each initial probability p*_0 of the correct label (K labels, rewards +-1, wrong labels sharing 1 - p*_0
    /// equally, one input, n = 1 time units): STD_0 = 2 sqrt(p*_0 (1 - p*_0)) and the RFT and SFT times to correct
    /// classification and to V &gt;= <paramref name="rewardTarget"/>, by the full-matrix flow with a random unit input
    /// in R^2. Fits: ln(T_RFT) = a + b ln(STD_0) and T_SFT = a + b ln(1/STD_0), with R^2.
    /// </summary>
    public static TimeScaling TimesVersusInitialStd(int labels, double[] initialProbabilities, double rewardTarget = 0,
        double relativeTolerance = 1e-8, int seed = 0, IProgress<double>? progress = null)
    {
        if (initialProbabilities.Length < 2)
            throw new ArgumentException($"A fit needs at least 2 initial probabilities; got {initialProbabilities.Length}.", nameof(initialProbabilities));
        var simulator = new OrthonormalSimulator(OrthonormalSimulator.RandomOrthonormalInputs(1, 2, seed), [0], labels);
        var points = new List<TimeScalingPoint>();
        foreach (var p0 in initialProbabilities)
        {
            var theta0 = simulator.InitialWeights([p0]);
            // Both events happen by p* = max(1/K, (1 + target) / 2); RFT is the slower flow, so twice its time suffices.
            var last = Math.Max(1.0 / labels, (1 + rewardTarget) / 2);
            var options = new SimulationOptions(2 * LogitFlow.ClosedFormTime(FinetuningObjective.Rft, labels, p0, Math.Min(last + 0.01, 0.999)) + 10,
                rewardTarget, relativeTolerance, relativeTolerance * 1e-2);
            var rft = simulator.Run(FinetuningObjective.Rft, theta0, options);
            var sft = simulator.Run(FinetuningObjective.Sft, theta0, options);
            points.Add(new TimeScalingPoint(p0, 2 * Math.Sqrt(p0 * (1 - p0)), rft.CorrectTimes[0], sft.CorrectTimes[0], rft.TargetTimes[0], sft.TargetTimes[0]));
            progress?.Report((double)points.Count / initialProbabilities.Length);
        }
        var logStd = points.Select(q => Math.Log(q.InitialStd)).ToArray();
        var logRft = points.Select(q => Math.Log(q.RftCorrectTime)).ToArray();
        var lnInverseStd = logStd.Select(x => -x).ToArray();
        var sftTimes = points.Select(q => q.SftCorrectTime).ToArray();
        var (rftIntercept, rftSlope) = Fit.Line(logStd, logRft);
        var (sftIntercept, sftSlope) = Fit.Line(lnInverseStd, sftTimes);
        return new TimeScaling(labels, points,
            rftSlope, rftIntercept, GoodnessOfFit.RSquared(logStd.Select(x => rftIntercept + rftSlope * x), logRft),
            sftSlope, sftIntercept, GoodnessOfFit.RSquared(lnInverseStd.Select(x => sftIntercept + sftSlope * x), sftTimes));
    }

    /// <summary>
    /// A batch of n inputs in R^n (random orthonormal), the first <paramref name="smallStdInputs"/> starting at
    /// p*_0 = <paramref name="smallStdProbability"/> (small reward std), the rest at <paramref name="largeStdProbability"/>;
    /// RFT on the full matrix to <paramref name="endTime"/> with log-spaced snapshots of every input's V, STD and gradient part.
    /// </summary>
    public static MixedBatchRun BatchVersusInput(int inputs = 40, int smallStdInputs = 10, int labels = 10,
        double smallStdProbability = 1e-4, double largeStdProbability = 0.3, double endTime = 4000, int snapshots = 60, int seed = 0)
    {
        if (smallStdInputs < 1 || smallStdInputs >= inputs)
            throw new ArgumentOutOfRangeException(nameof(smallStdInputs), smallStdInputs, $"Need 1 <= small-std inputs < n = {inputs}; got {smallStdInputs}.");
        var rng = new Random(seed);
        var y = Enumerable.Range(0, inputs).Select(_ => rng.Next(labels)).ToArray();
        var simulator = new OrthonormalSimulator(OrthonormalSimulator.RandomOrthonormalInputs(inputs, inputs, rng.Next()), y, labels);
        var p0 = Enumerable.Range(0, inputs).Select(i => i < smallStdInputs ? smallStdProbability : largeStdProbability).ToArray();
        var options = new SimulationOptions(endTime, SnapshotTimes: SimulationOptions.LogSpacedTimes(endTime, snapshots), StopWhenAllReached: false);
        var result = simulator.Run(FinetuningObjective.Rft, simulator.InitialWeights(p0), options);
        return new MixedBatchRun(result, [.. Enumerable.Range(0, smallStdInputs)], [.. Enumerable.Range(smallStdInputs, inputs - smallStdInputs)]);
    }
}

/// <summary>One initial probability p*_0: STD_0 and the RFT and SFT times to correct classification and to the reward target.</summary>
public sealed record TimeScalingPoint(double InitialProbability, double InitialStd, double RftCorrectTime, double SftCorrectTime, double RftTargetTime, double SftTargetTime);

/// <summary>Times against initial STD with the fits ln T_RFT = RftIntercept + RftSlope ln STD_0 and
/// T_SFT = SftIntercept + SftSlope ln(1/STD_0), each with its R^2.</summary>
public sealed record TimeScaling(
    int Labels, IReadOnlyList<TimeScalingPoint> Points,
    double RftSlope, double RftIntercept, double RftRSquared,
    double SftSlope, double SftIntercept, double SftRSquared);

/// <summary>An RFT run on a batch mixing small-std and large-std inputs, with the two groups' indices.</summary>
public sealed record MixedBatchRun(SimulationResult Simulation, int[] SmallStdInputs, int[] LargeStdInputs)
{
    /// <summary>Snapshot times.</summary>
    public double[] Times => [.. Simulation.Snapshots.Select(s => s.Time)];

    /// <summary>||dTheta/dt|| of the whole batch at each snapshot.</summary>
    public double[] BatchGradientNorm => [.. Simulation.Snapshots.Select(s => s.BatchGradientNorm)];

    /// <summary>The norm of the gradient part from the given group at each snapshot.</summary>
    public double[] GradientNorm(int[] group) => [.. Simulation.Snapshots.Select(s => s.GradientNormOf(group))];

    /// <summary>The group's mean V at each snapshot.</summary>
    public double[] MeanExpectedReward(int[] group) => [.. Simulation.Snapshots.Select(s => s.MeanExpectedReward(group))];
}
