using System.Diagnostics;
using Lectures.Grading.Format;
using Lectures.Grading.Samples;
using Lectures.Grading.Student;

namespace Lectures.Benchmarks;

/// <summary>
/// <c>lectures check</c> on each shipped assignment's released student notebook with the reference solution filled
/// in (issue 28, target under 10 s): the first run in a fresh process (the compiler's start-up included), then the
/// median of 3 after it.
/// </summary>
public sealed class CheckBenchmark : Benchmark
{
    /// <inheritdoc />
    public override string Name => "check";

    /// <inheritdoc />
    public override void Run()
    {
        var root = KitRoot.Find(AppContext.BaseDirectory);
        var folder = Path.Combine(Path.GetTempPath(), "lectures-check-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        foreach (var dir in Directory.GetDirectories(Path.Combine(root, "assignments")).Order(StringComparer.Ordinal))
        {
            var assignment = Assignment.Load(Assignment.NotebookPath(root, Path.GetFileName(dir)));
            var path = Path.Combine(folder, assignment.Name + ".ipynb");
            File.WriteAllText(path, ReferenceSolution.Json(assignment));
            var clock = Stopwatch.StartNew();
            var first = NotebookCheck.Run(path);
            var cold = clock.Elapsed.TotalSeconds;
            var median = MedianSeconds(() => NotebookCheck.Run(path));
            Report($"{assignment.Name} ({first.Grade.Points:0.##} / {first.Grade.MaxPoints:0.##}, {(first.SandboxProblem is null ? "sandboxed" : "unsandboxed")})",
                $"first {cold:0.00} s, median of 3 {median:0.00} s");
        }
        Directory.Delete(folder, recursive: true);
    }
}
