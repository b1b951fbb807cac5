using Lectures.Grading.Late;
using Lectures.Grading.Lms;
using Lectures.Grading.Sandbox;
using Lectures.Grading.Scoring;
using Lectures.Grading.Stages;

namespace Lectures.Benchmarks;

/// <summary>
/// What <c>grade --times --export canvas</c> does for 30 mixed submissions of the synthetic assignment: grading
/// with the late-penalty stage (a quarter each on time, 1, 2 and 3 days late), the gradebook and feedback, and the
/// Canvas import sheet filled from a roster of the 30 students.
/// </summary>
public sealed class LateExportGradingBenchmark : Benchmark
{
    /// <inheritdoc />
    public override string Name => "grading-late-export";

    /// <inheritdoc />
    public override void Run()
    {
        const int count = 30;
        var (root, assignment, submissions) = GradingBenchmark.Scratch(count);
        var deadline = new DateTimeOffset(2026, 12, 14, 23, 59, 0, TimeSpan.Zero);
        var times = submissions.Select((s, i) => (s.Student, Time: deadline.AddHours(i % 4 * 20))).ToDictionary(x => x.Student, x => x.Time);
        var late = new LatePenalty(new LatePolicy(deadline, 0.1, 5), times, new Dictionary<string, TimeSpan>());
        var roster = new CsvTable(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Assignment 1: synthetic (1)"],
            submissions.Select(s => new[] { s.Student, s.Student, "", "", "A", "" }).Prepend(["Points Possible", "", "", "", "", "6"]).ToList());
        var outDir = Path.Combine(root, "out");
        var seconds = MedianSeconds(() =>
        {
            var grades = Grader.Grade(assignment, submissions, GradingLimits.Default, stages: [.. Grader.Stages, late]);
            GradeReport.Write(assignment.Name, grades, outDir);
            File.WriteAllText(Path.Combine(outDir, "canvas-import.csv"),
                GradebookExport.Canvas(roster, "roster.csv", "synthetic", grades.ToDictionary(g => g.Student, g => g.Points)).Sheet.Render());
        });
        Report($"{count} submissions, late policy + gradebook + Canvas export", $"{seconds:0.0} s ({seconds / count:0.00} s per submission)");
        Directory.Delete(root, recursive: true);
    }
}
