using System.Diagnostics;

namespace Lectures.Benchmarks;

/// <summary>A named benchmark; every non-abstract subclass in this assembly is found and run by name.</summary>
public abstract class Benchmark
{
    /// <summary>The name used on the command line.</summary>
    public abstract string Name { get; }

    /// <summary>Runs the benchmark, printing one line per measured case through <see cref="Report"/>.</summary>
    public abstract void Run();

    /// <summary>Runs <paramref name="action"/> once to warm up, then <paramref name="runs"/> times; returns the median seconds.</summary>
    protected static double MedianSeconds(Action action, int runs = 3)
    {
        action();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times[i] = sw.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }

    /// <summary>Prints a result line: benchmark name, case, value.</summary>
    protected void Report(string @case, string value) => Console.WriteLine($"{Name,-24} {@case,-48} {value}");
}
