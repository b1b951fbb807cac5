using Lectures.Finetuning;

namespace Lectures.Benchmarks;

/// <summary>The finetuning core at lecture sizes: full-matrix and per-input orthonormal flows, exact enumeration.</summary>
public sealed class FinetuningBenchmarks : Benchmark
{
    /// <inheritdoc />
    public override string Name => "finetuning";

    /// <inheritdoc />
    public override void Run()
    {
        const int k = 100;
        var full = Simulator(inputs: 300, dimension: 300, seed: 1);
        var theta0 = full.InitialWeights(InitialProbabilities(300, seed: 2));
        var options = new SimulationOptions(1e4, StopWhenAllReached: false);
        foreach (var objective in new[] { FinetuningObjective.Rft, FinetuningObjective.Sft })
        {
            SimulationResult? result = null;
            var seconds = MedianSeconds(() => result = full.Run(objective, theta0, options));
            Report($"full matrix n=d=300 K={k} to t=1e4 {objective}", $"{seconds:F2} s ({result!.AcceptedSteps} steps, {result.RejectedSteps} rejected)");
        }

        const int n = 10_000;
        var labels = Enumerable.Range(0, n).Select(i => i % k).ToArray();
        var flow = new LogitFlow(labels, k);
        var z0 = flow.InitialLogits(InitialProbabilities(n, seed: 3));
        foreach (var objective in new[] { FinetuningObjective.Rft, FinetuningObjective.Sft })
        {
            SimulationResult? result = null;
            var seconds = MedianSeconds(() => result = flow.Run(objective, z0, options));
            Report($"per input n=1e4 K={k} to t=1e4 {objective}", $"{seconds:F2} s ({result!.AcceptedSteps} steps in all)");
        }

        var policy = SoftmaxPolicy.Random(30, 4, logitScale: 2, temperature: 1, seed: 4);
        var rng = new Random(5);
        var rewards = Enumerable.Range(0, policy.SequenceCount).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
        var enumeration = MedianSeconds(() => policy.Evaluate(rewards));
        Report("exact V, STD, grad V for T=4 |V|=30", $"{enumeration:F3} s ({policy.SequenceCount:N0} outputs)");
    }

    private static OrthonormalSimulator Simulator(int inputs, int dimension, int seed)
    {
        var rng = new Random(seed);
        var labels = Enumerable.Range(0, inputs).Select(_ => rng.Next(100)).ToArray();
        return new OrthonormalSimulator(OrthonormalSimulator.RandomOrthonormalInputs(inputs, dimension, seed), labels, 100);
    }

    // p*_0 log-uniform in [1e-4, 0.5]: a spread of small- and large-std inputs.
    private static double[] InitialProbabilities(int count, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => 1e-4 * Math.Pow(5000, rng.NextDouble())).ToArray();
    }
}
