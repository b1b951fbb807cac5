using Lectures.Grading.Format;
using Lectures.Grading.Release;
using Lectures.Grading.Samples;

namespace Lectures.Tests.Grading;

/// <summary>A scratch folder with the synthetic assignment written and released in it.</summary>
public sealed class GradingScratch
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "lectures-grading-tests", Guid.NewGuid().ToString("N")[..8]);
    public Assignment Assignment { get; }
    public string ReleasedJson { get; }
    public string Submissions => Path.Combine(Root, "submissions");

    public GradingScratch()
    {
        Assignment = Assignment.Load(SyntheticAssignment.WriteInstructor(Root));
        ReleasedJson = File.ReadAllText(StudentRelease.Release(Assignment, Path.Combine(Root, "out", "release")));
        Directory.CreateDirectory(Submissions);
    }

    /// <summary>The released notebook with both solutions written as <paramref name="square"/> and <paramref name="sumTo"/> bodies.</summary>
    public string Solved(string square = SyntheticAssignment.SquareSolution, string sumTo = SyntheticAssignment.SumToSolution) =>
        SyntheticAssignment.Solved(ReleasedJson, square, sumTo);

    public string Submit(string student, string json)
    {
        var path = Path.Combine(Submissions, student + ".ipynb");
        File.WriteAllText(path, json);
        return path;
    }
}
