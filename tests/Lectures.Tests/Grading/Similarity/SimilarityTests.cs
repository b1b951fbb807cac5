using Lectures.Grading.Similarity;

namespace Lectures.Tests.Grading.Similarity;

public class SimilarityTests
{
    static readonly SimilarityOptions Options = new();

    static SolutionCode Code(string student, string source) => new(student, [source]);

    static IReadOnlyList<SolutionCode> Class() =>
        OneWisSolutions.Honest.Concat(OneWisSolutions.Disguised).Select(kv => Code(kv.Key, kv.Value)).ToList();

    static bool IsCopy(SimilarPair p) => p.A.Student[1..3] == p.B.Student[1..3];

    [Fact]
    public void Tokens_normalise_identifiers_and_literals_and_drop_whitespace_and_comments()
    {
        var tokens = CodeTokens.Of("var total = count + 42; // note\n  s = \"x\";");
        Assert.Equal(["id", "id", "=", "id", "+", "lit", ";", "id", "=", "lit", ";"], tokens.Select(t => t.Code));
        Assert.Equal((34, 35), (tokens[7].Start, tokens[7].End));   // "s": 23 characters of code, 8 of comment, a newline, 2 spaces
        Assert.Equal(tokens.Select(t => t.Code), CodeTokens.Of("var   x=y+7;s=\"other\";").Select(t => t.Code));
    }

    [Fact]
    public void Winnowing_keeps_every_kgram_with_window_one_and_the_window_minimum_otherwise()
    {
        var tokens = new[] { CodeTokens.Of("a = b + c * d - e / f;") };   // 12 tokens
        Assert.Equal(12 - 3 + 1, Fingerprints.Of(tokens, k: 3, w: 1).Count);
        var winnowed = Fingerprints.Of(tokens, k: 3, w: 4);
        // 10 hashes, 7 windows: at least one fingerprint per 4 consecutive hashes (positions never more than 4 apart), at most 7.
        Assert.InRange(winnowed.Count, 3, 7);
        Assert.True(winnowed.Zip(winnowed.Skip(1)).All(p => p.Second.Token - p.First.Token is >= 1 and <= 4));
        Assert.Empty(Fingerprints.Of([CodeTokens.Of("a = b;")], k: 5, w: 4));   // 4 tokens: no 5-gram
    }

    [Fact]
    public void Identical_code_scores_one_and_code_equal_to_the_release_is_never_shared()
    {
        var honest = OneWisSolutions.Honest["h01-loops"];
        var pairs = SimilarityComparison.Compare([Code("a", honest), Code("b", honest.Replace("degree", "d")), Code("c", OneWisSolutions.Release[0])],
            OneWisSolutions.Release, Options);
        var pair = Assert.Single(pairs);   // c only holds release code: it shares nothing with anyone
        Assert.Equal(("a", "b", 1.0, 1.0, 1.0), (pair.A.Student, pair.B.Student, pair.Score, pair.OfA, pair.OfB));
        // Renamed but identical: one passage per method (the released signature between them shares nothing), each
        // the same tokens on both sides; the repeated degree loop of OneWisOrder pairs with its own copy, not the other method's.
        var second = honest.IndexOf("OneWisOrder", StringComparison.Ordinal);
        Assert.Equal(2, pair.Passages.Count);
        Assert.True(pair.Passages[0].StartA < second && pair.Passages[1].StartA > second && pair.Passages[1].StartB > pair.B.Cells[0].IndexOf("OneWisOrder", StringComparison.Ordinal));
        foreach (var m in pair.Passages)
            Assert.Equal(CodeTokens.Of(honest[m.StartA..m.EndA]).Select(t => t.Code), CodeTokens.Of(pair.B.Cells[0][m.StartB..m.EndB]).Select(t => t.Code));
    }

    [Fact]
    public void Every_disguised_copy_ranks_above_every_honest_pair()
    {
        var pairs = SimilarityComparison.Compare(Class(), OneWisSolutions.Release, Options);
        var copies = pairs.Where(IsCopy).ToList();
        Assert.Equal(4, copies.Count);
        var lowestCopy = copies.Min(p => p.Score);
        var highestHonest = pairs.Where(p => !IsCopy(p)).Max(p => p.Score);
        Assert.True(lowestCopy > highestHonest, $"lowest copy {lowestCopy:0.000}, highest honest pair {highestHonest:0.000}");
        Assert.True(pairs.Take(4).All(IsCopy));
        Assert.True(lowestCopy >= Options.Threshold && highestHonest < Options.Threshold, $"copies from {lowestCopy:0.000}, honest up to {highestHonest:0.000}");
    }

    [Fact]
    public void Passages_are_ranges_of_both_cells_that_tokenise_alike()
    {
        var pairs = SimilarityComparison.Compare(Class(), OneWisSolutions.Release, Options);
        var pair = pairs.First(p => p.A.Student == "d01-loops");
        Assert.Equal("h01-loops", pair.B.Student);
        Assert.NotEmpty(pair.Passages);
        foreach (var m in pair.Passages)
        {
            var a = CodeTokens.Of(pair.A.Cells[m.CellA][m.StartA..m.EndA]).Select(t => t.Code).ToList();
            var b = CodeTokens.Of(pair.B.Cells[m.CellB][m.StartB..m.EndB]).Select(t => t.Code).ToList();
            Assert.True(a.Count >= Options.K && b.Count >= Options.K);
        }
        // The passages cover most of the copy's code: renaming and re-spacing hide none of the body of the scan.
        var covered = pair.Passages.Sum(m => m.EndA - m.StartA);
        Assert.True(covered > 0.5 * pair.A.Cells[0].Length, $"{covered} of {pair.A.Cells[0].Length} characters");
    }

    [Fact]
    public void Report_flags_without_accusing_and_lists_the_pairs_above_the_threshold_in_order()
    {
        var pairs = SimilarityComparison.Compare(Class(), OneWisSolutions.Release, Options);
        var html = SimilarityReport.Render("one-wis", 14, pairs, Options).Render();
        Assert.Contains("A flag is not a finding", html);
        Assert.Contains("14 submissions, 91 pairs compared; 4 at or above the threshold 0.30", html);
        var order = pairs.Take(4).Select(p => html.IndexOf($"{p.A.Student} and {p.B.Student}", StringComparison.Ordinal)).ToList();
        Assert.True(order.All(i => i > 0) && order.SequenceEqual(order.Order()));
        Assert.DoesNotContain("h02-linq and", html);
        Assert.Contains("<mark>", html);
    }
}
