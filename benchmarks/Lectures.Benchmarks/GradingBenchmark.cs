using Lectures.Grading.Format;
using Lectures.Grading.Scoring;
using Lectures.Grading.Release;
using Lectures.Grading.Samples;
using Lectures.Grading.Sandbox;

namespace Lectures.Benchmarks;

/// <summary>Grading a folder of 30 submissions of the synthetic assignment (mixed correct, partial, broken), 2 at a time.</summary>
public sealed class GradingBenchmark : Benchmark
{
    /// <inheritdoc />
    public override string Name => "grading";

    /// <summary>The synthetic assignment released in a new scratch folder <c>root</c>, with <paramref name="count"/> mixed submissions.</summary>
    internal static (string Root, Assignment Assignment, IReadOnlyList<Submission> Submissions) Scratch(int count)
    {
        var root = Path.Combine(Path.GetTempPath(), "lectures-grading-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var assignment = Assignment.Load(SyntheticAssignment.WriteInstructor(root));
        var released = File.ReadAllText(StudentRelease.Release(assignment, Path.Combine(root, "release")));
        var folder = Path.Combine(root, "submissions");
        Directory.CreateDirectory(folder);
        foreach (var (student, json, _) in SyntheticAssignment.Mixed(released, count))
            File.WriteAllText(Path.Combine(folder, student + ".ipynb"), json);
        return (root, assignment, Submissions.Find(folder, SyntheticAssignment.Name));
    }

    /// <inheritdoc />
    public override void Run()
    {
        var (root, assignment, submissions) = Scratch(30);

        var one = MedianSeconds(() => Grader.GradeOne(assignment, submissions[0], GradingLimits.Default));
        Report("one submission (compile + worker process)", $"{one:0.00} s");
        var all = MedianSeconds(() => Grader.Grade(assignment, submissions, GradingLimits.Default));
        Report("30 submissions, 2 in parallel", $"{all:0.0} s ({all / 30:0.00} s per submission)");
        Directory.Delete(root, recursive: true);
    }
}
