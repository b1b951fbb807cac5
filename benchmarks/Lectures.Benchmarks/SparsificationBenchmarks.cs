using System.Diagnostics;
using Lectures.Graphs;
using Lectures.Sparsification;
using MathNet.Numerics.Statistics;

namespace Lectures.Benchmarks;

/// <summary>
/// Full removal orders: 1-WIS on Cora and on Barabási–Albert (m = 5) and Erdős–Rényi (average degree 10) graphs of
/// 1e5 .. 1.2e6 edges with the log-log slope of time against edges; exact 2-WIS on Cora; spectral on Cora (exact
/// resistances) and on 1e6 edges (approximate). The load average is printed with each line: the CPU is shared.
/// The exact (L-1)-WIS greedy at scale is the separate benchmark "wis" (<see cref="WalkIndexBenchmarks"/>).
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
        Scaling("Barabási–Albert m = 5", m => Lectures.Graphs.GraphFamilies.BarabasiAlbert(m / 5 + 3, 5, seed: 1));
        Scaling("Erdős–Rényi, mean degree 10", m => Lectures.Graphs.GraphFamilies.ErdosRenyiWithEdges(m / 5, m, seed: 1));
        Timed("2-WIS (L = 3) exact, Cora", () => WalkIndexSparsifier.Order(cora, 3));
        Timed("2-WIS (L = 3) chunks of 100, Cora", () => WalkIndexSparsifier.Order(cora, 3, chunkSize: WalkIndexSparsifier.ReferenceChunkSize));
        Timed("spectral, exact R_e, Cora", () => SpectralSparsifier.Order(cora, seed: 0));
        var exact = EffectiveResistance.Exact(cora);
        var approximate = EffectiveResistance.Approximate(cora, seed: 0);
        var relative = exact.Zip(approximate, (e, a) => Math.Abs(a - e) / e).ToArray();
        Report($"approximate R_e on Cora, k = {EffectiveResistance.DefaultProjections}",
            $"median rel. error {relative.Median():F3}, 90th pct {relative.Quantile(0.9):F3}, Spearman {Correlation.Spearman(exact, approximate):F4}");
        Timed($"approximate R_e, Cora (k = {EffectiveResistance.DefaultProjections})", () => EffectiveResistance.Approximate(cora, seed: 0));
        var big = Lectures.Graphs.GraphFamilies.ErdosRenyiWithEdges(200_000, 1_000_000, seed: 1);
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

    /// <summary>The 1-, 5- and 15-minute load averages.</summary>
    internal static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

/// <summary>
/// The exact (L-1)-WIS greedy: 2-WIS and 3-WIS on Cora, then exact 2-WIS on Barabási–Albert (m = 5) and Erdős–Rényi
/// (mean degree 10) graphs of 1e5 .. 1.2e6 edges with the log-log slope of time against edges. Wall time and the
/// process's CPU time are both printed (CPU time is what a shared machine distorts least), with the peak working set
/// and the load average. Median of 3 after a warm-up up to 1e5 edges, one run above. Run it by name: -- wis.
/// </summary>
public sealed class WalkIndexBenchmarks : Benchmark
{
    private static readonly int[] EdgeCounts = [100_000, 300_000, 600_000, 1_200_000];

    /// <inheritdoc />
    public override string Name => "wis";

    /// <inheritdoc />
    public override void Run()
    {
        var cora = Datasets.Cora();
        Exact("2-WIS (L = 3) exact, Cora", cora, 3);
        Exact("3-WIS (L = 4) exact, Cora", cora, 4);
        Scaling("Barabási–Albert m = 5", m => Lectures.Graphs.GraphFamilies.BarabasiAlbert(m / 5 + 3, 5, seed: 1));
        Scaling("Erdős–Rényi, mean degree 10", m => Lectures.Graphs.GraphFamilies.ErdosRenyiWithEdges(m / 5, m, seed: 1));
    }

    private void Scaling(string family, Func<int, Graph> make)
    {
        var times = new List<(double Edges, double Wall, double Cpu)>();
        foreach (var target in EdgeCounts)
        {
            var graph = make(target);
            var (wall, cpu) = Exact($"2-WIS exact, {family}, {graph.EdgeCount} edges, max degree {graph.MaxDegree}", graph, 3);
            times.Add((graph.EdgeCount, wall, cpu));
        }
        double Slope(Func<(double Edges, double Wall, double Cpu), double> seconds) =>
            MathNet.Numerics.Fit.Line(times.Select(t => Math.Log(t.Edges)).ToArray(), times.Select(t => Math.Log(seconds(t))).ToArray()).Item2;
        Report($"2-WIS exact, {family}: log-log slope", $"wall {Slope(t => t.Wall):F3}, CPU {Slope(t => t.Cpu):F3}");
    }

    /// <summary>Median wall and CPU seconds of the exact greedy (3 runs after a warm-up up to 1e5 edges, else 1 run).</summary>
    private (double Wall, double Cpu) Exact(string @case, Graph graph, int depth)
    {
        var runs = graph.EdgeCount <= 100_000 ? 3 : 1;
        if (runs > 1) WalkIndexSparsifier.Order(graph, depth);
        var walls = new double[runs];
        var cpus = new double[runs];
        using var process = Process.GetCurrentProcess();
        for (var k = 0; k < runs; k++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            WalkIndexSparsifier.Order(graph, depth);
            walls[k] = clock.Elapsed.TotalSeconds;
            process.Refresh();
            cpus[k] = (process.TotalProcessorTime - cpu).TotalSeconds;
        }
        var (wall, cpuSeconds) = (walls.Median(), cpus.Median());
        Report(@case, $"wall {wall:F2} s, CPU {cpuSeconds:F2} s ({(runs > 1 ? "median of 3" : "1 run")}), peak working set {process.PeakWorkingSet64 / 1e9:F2} GB, load {SparsificationBenchmarks.Load()}");
        return (wall, cpuSeconds);
    }
}
