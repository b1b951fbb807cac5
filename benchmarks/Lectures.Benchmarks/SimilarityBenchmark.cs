using Lectures.Grading.Format;
using Lectures.Grading.Similarity;

namespace Lectures.Benchmarks;

/// <summary>
/// The similarity report for 200 submissions of one-wis: the instructor's solution cells, each submission with
/// seeded extra statements inserted after a third of its lines (so no two are equal), compared pairwise and rendered.
/// </summary>
public sealed class SimilarityBenchmark : Benchmark
{
    /// <inheritdoc />
    public override string Name => "similarity";

    /// <inheritdoc />
    public override void Run()
    {
        var assignment = Assignment.Load(Assignment.NotebookPath(KitRoot.Find(), "one-wis"));
        var solutions = assignment.Cells.Where(c => c.Role == CellRole.Solution).Select(c => c.Source).ToList();
        var rng = new Random(28);
        var submissions = Enumerable.Range(0, 200).Select(i => new SolutionCode($"s{i:000}", solutions.Select(cell => string.Join('\n',
            cell.Split('\n').SelectMany(line => line.TrimEnd().EndsWith(';') && rng.NextDouble() < 0.3
                ? new[] { line, $"var extra{rng.Next(1000)} = {rng.Next(100)} * n + edges.Length;" }
                : new[] { line }))).ToList())).ToList();
        var released = SubmittedSolutions.Released(assignment);
        // Every submission derives from one solution, so most pairs are near copies: a high threshold keeps the report readable.
        var options = new SimilarityOptions(Threshold: 0.9);
        var flagged = 0;
        var seconds = MedianSeconds(() =>
        {
            var pairs = SimilarityComparison.Compare(submissions, released, options);
            flagged = pairs.Count(p => p.Score >= options.Threshold);
            SimilarityReport.Render("one-wis", submissions.Count, pairs, options).Render();
        });
        Report($"200 submissions ({flagged} pairs flagged): compare + report", $"{seconds:0.00} s");
    }
}
