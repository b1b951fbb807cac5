using System.Collections.Concurrent;
using Lectures.Grading.Checking;
using Lectures.Grading.Format;
using Lectures.Grading.Release;
using Lectures.Grading.Sandbox;
using Lectures.Grading.Scoring;

namespace Lectures.Grading.Stages;

/// <summary>
/// The test contract of each release of an assignment: the bindings of its trusted cells after the instructor's
/// solution (<see cref="CellCompiler.Bindings"/>), with the cells planned by <paramref name="plan"/> from the
/// instructor notebook as that release gives them. Each is computed once, on first use. An assignment read from a
/// released notebook (<see cref="ReleasedNotebook"/>) has no instructor solution: its recorded contract is used.
/// </summary>
public sealed class ReleaseContracts(Assignment assignment, IReadOnlyList<IGradingStage> plan)
{
    readonly ConcurrentDictionary<int, Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>>> byRelease = new();

    /// <summary>The contract of <paramref name="release"/>: the bindings of each trusted cell, by grade id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Of(AssignmentRelease release) => assignment.RecordedContract ??
        byRelease.GetOrAdd(release.Number, _ => new(() =>
        {
            var instructor = new SubmissionGrading(assignment, new Submission("(instructor)", assignment.Path), GradingLimits.Default, this)
            {
                Document = assignment.Document,
                Release = release,
            };
            foreach (var stage in plan) stage.Apply(instructor);
            return CellCompiler.Bindings(instructor.SourceCells());
        })).Value;
}
