using System.Diagnostics;
using Lectures.Kernel.Client;

namespace Lectures.Benchmarks;

/// <summary>
/// The kit's Jupyter kernel through its protocol: process start to the first kernel_info_reply (median of 3 starts),
/// the first cell of a session, an interrupt of <c>while (true) { }</c>, and the round trip of a trivial cell
/// (median of 20 after the first).
/// </summary>
public sealed class KernelBenchmark : Benchmark
{
    /// <inheritdoc />
    public override string Name => "kernel";

    /// <inheritdoc />
    public override void Run()
    {
        var starts = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            using var started = KernelClient.StartAsync().GetAwaiter().GetResult();
            starts.Add(clock.Elapsed.TotalSeconds);
            started.ShutdownAsync().GetAwaiter().GetResult();
        }
        Report("start to kernel_info_reply (median of 3)", $"{starts.Order().ElementAt(1):0.00} s");

        using var client = KernelClient.StartAsync().GetAwaiter().GetResult();
        var first = Stopwatch.StartNew();
        client.ExecuteAsync("var x = 6 * 7;").GetAwaiter().GetResult();
        Report("first cell (warm-up included)", $"{first.Elapsed.TotalSeconds:0.00} s");

        var trips = new double[20];
        for (var i = 0; i < trips.Length; i++)
        {
            var clock = Stopwatch.StartNew();
            client.ExecuteAsync("x + 1").GetAwaiter().GetResult();
            trips[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(trips);
        Report("trivial cell round trip (median of 20)", $"{(trips[9] + trips[10]) / 2:0.0} ms (min {trips[0]:0.0}, max {trips[^1]:0.0})");

        var loop = client.ExecuteAsync("while (true) { }");
        Thread.Sleep(1000);
        var interrupt = Stopwatch.StartNew();
        client.InterruptAsync().GetAwaiter().GetResult();
        loop.GetAwaiter().GetResult();
        Report("interrupt of while (true) { } to reply", $"{interrupt.Elapsed.TotalMilliseconds:0} ms");
        client.ShutdownAsync().GetAwaiter().GetResult();
    }
}
