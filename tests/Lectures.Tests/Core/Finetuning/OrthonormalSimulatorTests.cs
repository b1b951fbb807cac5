using Lectures.Finetuning;
using MathNet.Numerics.LinearAlgebra;

namespace Lectures.Tests.Core.Finetuning;

public class OrthonormalSimulatorTests
{
    private static readonly Lazy<TimeScaling> Scaling = new(() =>
        RftVersusSft.TimesVersusInitialStd(10, [1e-2, 1e-3, 1e-4, 1e-5, 1e-6]));

    [Fact]
    public void DormandPrinceSolvesTheHarmonicOscillatorWithAccurateDenseOutput()
    {
        var ode = new DormandPrince(2, (_, y, dy) => { dy[0] = y[1]; dy[1] = -y[0]; }, 1e-10, 1e-12);
        ode.Reset(0, [1, 0]);
        var worstDense = 0.0;
        var y = new double[2];
        while (ode.Time < 10)
        {
            ode.Step(10);
            var mid = 0.5 * (ode.StepStart + ode.Time);
            ode.Interpolate(mid, y);
            worstDense = Math.Max(worstDense, Math.Abs(y[0] - Math.Cos(mid)));
        }
        Assert.Equal(10, ode.Time);
        Assert.Equal(Math.Cos(10), ode.State[0], 1e-8);
        Assert.Equal(-Math.Sin(10), ode.State[1], 1e-8);
        Assert.True(worstDense < 1e-8, $"dense output error {worstDense}");
    }

    [Fact]
    public void ReferenceNumbersOfTheDesignNoteAreMetWithinHalfAPercent()
    {
        var points = Scaling.Value.Points;
        AssertWithin(0.005, [48.68, 455.77, 4507.8], points.Take(3).Select(p => p.RftTargetTime));
        AssertWithin(0.005, [5.03, 7.12, 9.19], points.Take(3).Select(p => p.SftTargetTime));
        AssertWithin(0.005, [42.8, 450.3, 4503.5, 45007], points.Take(4).Select(p => p.RftCorrectTime));
        AssertWithin(0.005, [2.25, 4.34, 6.41, 8.49], points.Take(4).Select(p => p.SftCorrectTime));
    }

    [Fact]
    public void SimulatedTimesMatchTheClosedFormsToOnePartInAMillion()
    {
        foreach (var p in Scaling.Value.Points)
        {
            var p0 = p.InitialProbability;
            AssertRelative(LogitFlow.ClosedFormTime(FinetuningObjective.Rft, 10, p0, 0.5), p.RftTargetTime, 1e-6);
            AssertRelative(LogitFlow.ClosedFormTime(FinetuningObjective.Sft, 10, p0, 0.5), p.SftTargetTime, 1e-6);
            AssertRelative(LogitFlow.ClosedFormTime(FinetuningObjective.Rft, 10, p0, 0.1), p.RftCorrectTime, 1e-6);
            AssertRelative(LogitFlow.ClosedFormTime(FinetuningObjective.Sft, 10, p0, 0.1), p.SftCorrectTime, 1e-6);
        }
    }

    [Fact]
    public void RftTimeScalesAsInverseSquareStdAndSftTimeAsLogInverseStd()
    {
        var s = Scaling.Value;
        Assert.InRange(s.RftSlope, -2.1, -1.9);
        Assert.True(s.RftRSquared > 0.999, $"RFT log-log R^2 {s.RftRSquared}");
        Assert.True(s.SftRSquared >= 0.99, $"SFT R^2 {s.SftRSquared}");
        // Asymptotically T_SFT ~ ((K-1)/K) ln(1/p0) = 1.8 ln(1/STD_0) + const for K = 10.
        Assert.InRange(s.SftSlope, 1.7, 1.85);
    }

    [Theory]
    [InlineData(1e-8)]
    [InlineData(1e-5)]
    public void TighteningTheToleranceTenfoldChangesTimesByLessThanOnePercent(double rtol)
    {
        var simulator = new OrthonormalSimulator(OrthonormalSimulator.RandomOrthonormalInputs(8, 12, seed: 3), [0, 1, 2, 3, 4, 0, 1, 2], 5);
        var theta0 = simulator.InitialWeights([1e-3, 1e-2, 0.05, 0.1, 0.3, 1e-4, 0.02, 0.15]);
        foreach (var objective in new[] { FinetuningObjective.Rft, FinetuningObjective.Sft })
        {
            var loose = simulator.Run(objective, theta0, new SimulationOptions(1e6, 0.5, rtol, rtol * 1e-2));
            var tight = simulator.Run(objective, theta0, new SimulationOptions(1e6, 0.5, rtol / 10, rtol * 1e-3));
            for (var i = 0; i < 8; i++)
            {
                AssertRelative(tight.CorrectTimes[i], loose.CorrectTimes[i], 0.01);
                AssertRelative(tight.TargetTimes[i], loose.TargetTimes[i], 0.01);
            }
        }
    }

    [Theory]
    [InlineData(FinetuningObjective.Rft)]
    [InlineData(FinetuningObjective.Sft)]
    public void FullMatrixFlowAgreesWithThePerInputFlow(FinetuningObjective objective)
    {
        // Six random orthonormal inputs in R^9, K = 5, an arbitrary reward table: the full Theta flow and the
        // decoupled logit flows must agree, which is what orthonormality promises.
        var rng = new Random(17);
        int[] labels = [0, 3, 1, 4, 2, 3];
        var rewards = Matrix<double>.Build.Dense(6, 5, (i, k) => k == labels[i] ? 1 : 2 * rng.NextDouble() - 1.2 is var r && r < -1 ? -1 : r);
        var simulator = new OrthonormalSimulator(OrthonormalSimulator.RandomOrthonormalInputs(6, 9, seed: 5), labels, 5, rewards);
        var theta0 = simulator.InitialWeights([1e-3, 0.01, 0.05, 0.1, 0.15, 2e-3]);
        var options = new SimulationOptions(3e4, 0.3, 1e-10, 1e-12, SnapshotTimes: [0, 1, 10, 100, 1000, 3e4], StopWhenAllReached: false);
        var full = simulator.Run(objective, theta0, options);
        var perInput = simulator.RunDecoupled(objective, theta0, options);
        for (var i = 0; i < 6; i++)
        {
            AssertRelative(perInput.CorrectTimes[i], full.CorrectTimes[i], 1e-6);
            AssertRelative(perInput.TargetTimes[i], full.TargetTimes[i], 1e-6);
        }
        for (var s = 0; s < options.SnapshotTimes!.Length; s++)
        {
            for (var i = 0; i < 6; i++)
            {
                Assert.Equal(perInput.Snapshots[s].ExpectedReward[i], full.Snapshots[s].ExpectedReward[i], 1e-6);
                Assert.Equal(perInput.Snapshots[s].RewardStd[i], full.Snapshots[s].RewardStd[i], 1e-6);
            }
            AssertRelative(perInput.Snapshots[s].BatchGradientNorm, full.Snapshots[s].BatchGradientNorm, 1e-6);
        }
        // Events were actually crossed (not just both infinite): near-best wrong labels make some RFT inputs very slow.
        Assert.True(full.CorrectTimes.Count(t => t > 0 && double.IsFinite(t)) >= 3, string.Join(", ", full.CorrectTimes));
        Assert.True(full.TargetTimes.Count(t => t > 0 && double.IsFinite(t)) >= 3, string.Join(", ", full.TargetTimes));
    }

    [Fact]
    public void SmallStdInputsAreLeftBehindWhileTheBatchGradientStaysLarge()
    {
        var run = RftVersusSft.BatchVersusInput(inputs: 40, smallStdInputs: 10, labels: 10, smallStdProbability: 1e-4, largeStdProbability: 0.3, endTime: 4000);
        var times = run.Times;
        var batch = run.BatchGradientNorm;
        var small = run.GradientNorm(run.SmallStdInputs);
        var large = run.GradientNorm(run.LargeStdInputs);
        var smallV = run.MeanExpectedReward(run.SmallStdInputs);
        var largeV = run.MeanExpectedReward(run.LargeStdInputs);
        // While the large-std inputs learn (until their mean V passes 0.5) the batch gradient is large and the
        // small-std inputs contribute under 2% of it.
        var learning = Enumerable.Range(0, times.Length).Where(s => largeV[s] < 0.5).ToList();
        Assert.True(learning.Count > 10);
        Assert.All(learning, s =>
        {
            Assert.True(batch[s] > 0.05, $"t = {times[s]}: batch {batch[s]}");
            Assert.True(small[s] < 0.02 * batch[s], $"t = {times[s]}: small {small[s]} vs batch {batch[s]}");
        });
        // Orthonormality splits the batch gradient exactly into the two groups.
        Assert.All(Enumerable.Range(0, times.Length), s => Assert.Equal(batch[s], Math.Sqrt(small[s] * small[s] + large[s] * large[s]), 1e-9));
        // At the end the large-std inputs are nearly solved; the small-std ones have hardly moved (V = 2 p* - 1 ~ -1).
        Assert.True(largeV[^1] > 0.95, $"large-std mean V {largeV[^1]}");
        Assert.True(smallV[^1] < -0.99, $"small-std mean V {smallV[^1]}");
        Assert.All(run.SmallStdInputs, i => Assert.True(double.IsPositiveInfinity(run.Simulation.CorrectTimes[i])));
        Assert.All(run.LargeStdInputs, i => Assert.True(run.Simulation.CorrectTimes[i] < 4000));
    }

    [Theory]
    [InlineData(7, 13, 5)]
    [InlineData(8, 4, 9)]
    public void ColumnMajorProductMatchesMathNet(int rows, int inner, int columns)
    {
        var rng = new Random(rows);
        var a = Matrix<double>.Build.Dense(rows, inner, (_, _) => rng.NextDouble() - 0.5);
        var b = Matrix<double>.Build.Dense(inner, columns, (_, _) => rng.NextDouble() - 0.5);
        var c = new double[rows * columns];
        ColumnMajorProduct.Multiply(a.ToColumnMajorArray(), rows, inner, b.ToColumnMajorArray(), columns, c);
        Assert.True((Matrix<double>.Build.Dense(rows, columns, c) - a * b).InfinityNorm() < 1e-14);
    }

    [Fact]
    public void RandomOrthonormalInputsAreOrthonormalButNotTheStandardBasis()
    {
        var x = OrthonormalSimulator.RandomOrthonormalInputs(5, 8, seed: 2);
        var gram = x.TransposeThisAndMultiply(x);
        Assert.True((gram - Matrix<double>.Build.DenseIdentity(5)).InfinityNorm() < 1e-12);
        Assert.True(x.Enumerate().Max(Math.Abs) < 0.99);
        Assert.Equal(x, OrthonormalSimulator.RandomOrthonormalInputs(5, 8, seed: 2));
    }

    [Fact]
    public void InitialWeightsGiveThePrescribedProbabilities()
    {
        var simulator = new OrthonormalSimulator(OrthonormalSimulator.RandomOrthonormalInputs(3, 4, seed: 1), [2, 0, 1], 4);
        var z = simulator.Logits(simulator.InitialWeights([1e-3, 0.25, 0.7]));
        var p = new double[4];
        SoftmaxPolicy.Softmax(z.Column(0).ToArray(), 1, p);
        Assert.Equal([(1 - 1e-3) / 3, (1 - 1e-3) / 3, 1e-3, (1 - 1e-3) / 3], p, (a, b) => Math.Abs(a - b) < 1e-12);
        SoftmaxPolicy.Softmax(z.Column(2).ToArray(), 1, p);
        Assert.Equal(0.7, p[1], 1e-12);
        Assert.Equal(0.1, p[3], 1e-12);
    }

    [Fact]
    public void BadInputGivesClearErrors()
    {
        var skewed = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0.6 }, { 0, 0.8 }, { 0, 0 } });
        var notOrthonormal = Assert.Throws<ArgumentException>(() => new OrthonormalSimulator(skewed, [0, 1], 3));
        Assert.Contains("x_0 . x_1 = 0.6, expected 0", notOrthonormal.Message);
        var x = OrthonormalSimulator.RandomOrthonormalInputs(2, 3, seed: 0);
        var labels = Assert.Throws<ArgumentOutOfRangeException>(() => new OrthonormalSimulator(x, [0, 3], 3));
        Assert.Contains("Label 3 of input 1 is out of range", labels.Message);
        var k = Assert.Throws<ArgumentOutOfRangeException>(() => new OrthonormalSimulator(x, [0, 0], 0));
        Assert.Contains("K = 0", k.Message);
        var reward = Assert.Throws<ArgumentException>(() => new OrthonormalSimulator(x, [0, 1], 2, Matrix<double>.Build.Dense(2, 2, 1.5)));
        Assert.Contains("1.5 is outside [-1, 1]", reward.Message);
        var simulator = new OrthonormalSimulator(x, [0, 1], 3);
        var theta = Assert.Throws<ArgumentException>(() => simulator.Run(FinetuningObjective.Rft, Matrix<double>.Build.Dense(3, 2), new SimulationOptions(1)));
        Assert.Contains("Theta is 3 x 2; expected labels x dimension = 3 x 3", theta.Message);
        var dimension = Assert.Throws<ArgumentException>(() => new OrthonormalSimulator(Matrix<double>.Build.Dense(1, 2), [0, 1], 3));
        Assert.Contains("need dimension d >= 2", dimension.Message);
        var p0 = Assert.Throws<ArgumentOutOfRangeException>(() => simulator.InitialWeights([0.5, 1]));
        Assert.Contains("must be in (0, 1); got 1", p0.Message);
    }

    private static void AssertWithin(double relative, double[] expected, IEnumerable<double> actual)
    {
        var a = actual.ToArray();
        for (var i = 0; i < expected.Length; i++) AssertRelative(expected[i], a[i], relative);
    }

    private static void AssertRelative(double expected, double actual, double relative) =>
        Assert.True(expected == actual || Math.Abs(actual - expected) <= relative * Math.Abs(expected),
            $"expected {expected}, got {actual} (relative tolerance {relative})");
}
