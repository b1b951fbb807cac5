using Lectures.Graphs;
using Lectures.Sparsification;
using MathNet.Numerics.Statistics;

namespace Lectures.Benchmarks;

/// <summary>
/// Full removal orders: 1-WIS on Cora and on Barabási–Albert (m = 5) and Erdős–Rényi (average degree 10) graphs of
/// 1e5 .. 1.2e6 edges with the log-log slope of time against edges; exact 2-WIS on Cora; spectral on Cora (exact
/// resistances) and on 1e6 edges (approximate). The load average is printed with each line: the CPU is shared.
/// </summary>
public sealed class SparsificationBenchmarks : Benchmark
{
    private static readonly int[] EdgeCounts = [100_000, 300_000, 1_000_000, 1_200_000];

    /// <inheritdoc />
    public override string Name => "sparsification";

    /// <inheritdoc />
    public override void Run()
    {
        var cora = Datasets.Cora();
        Timed($"1-WIS, Cora ({cora.EdgeCount} edges)", () => OneWalkIndexSparsifier.Order(cora));
        Scaling("Barabási–Albert m = 5", m => Lectures.Graphs.Graphs.BarabasiAlbert(m / 5 + 3, 5, seed: 1));
        Scaling("Erdős–Rényi, mean degree 10", m => Lectures.Graphs.Graphs.ErdosRenyiWithEdges(m / 5, m, seed: 1));
        Timed("2-WIS (L = 3) exact, Cora", () => WalkIndexSparsifier.Order(cora, 3));
        Timed("2-WIS (L = 3) chunks of 100, Cora", () => WalkIndexSparsifier.Order(cora, 3, chunkSize: WalkIndexSparsifier.ReferenceChunkSize));
        Timed("spectral, exact R_e, Cora", () => SpectralSparsifier.Order(cora, seed: 0));
        var exact = EffectiveResistance.Exact(cora);
        var approximate = EffectiveResistance.Approximate(cora, seed: 0);
        var relative = exact.Zip(approximate, (e, a) => Math.Abs(a - e) / e).ToArray();
        Report($"approximate R_e on Cora, k = {EffectiveResistance.DefaultProjections}",
            $"median rel. error {relative.Median():F3}, 90th pct {relative.Quantile(0.9):F3}, Spearman {Correlation.Spearman(exact, approximate):F4}");
        Timed($"approximate R_e, Cora (k = {EffectiveResistance.DefaultProjections})", () => EffectiveResistance.Approximate(cora, seed: 0));
        var big = Lectures.Graphs.Graphs.ErdosRenyiWithEdges(200_000, 1_000_000, seed: 1);
        Timed($"spectral, approximate R_e (k = {EffectiveResistance.DefaultProjections}), ER 2e5 vertices, 1e6 edges",
            () => SpectralSparsifier.Order(big, seed: 0), runs: 3);
    }

    private void Scaling(string family, Func<int, Graph> make)
    {
        var times = new List<(double Edges, double Seconds)>();
        foreach (var target in EdgeCounts)
        {
            var graph = make(target);
            var seconds = Timed($"1-WIS, {family}, {graph.EdgeCount} edges, max degree {graph.MaxDegree}", () => OneWalkIndexSparsifier.Order(graph));
            times.Add((graph.EdgeCount, seconds));
        }
        var (_, slope) = MathNet.Numerics.Fit.Line(times.Select(t => Math.Log(t.Edges)).ToArray(), times.Select(t => Math.Log(t.Seconds)).ToArray());
        Report($"1-WIS, {family}: log-log slope", $"{slope:F3}");
    }

    private double Timed(string @case, Action action, int runs = 3)
    {
        var seconds = MedianSeconds(action, runs);
        Report(@case, $"{seconds:F3} s (median of {runs}, load {Load()})");
        return seconds;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
