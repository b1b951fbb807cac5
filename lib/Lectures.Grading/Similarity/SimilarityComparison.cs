namespace Lectures.Grading.Similarity;

/// <summary>The solution code of one submission: its student and the source of each of its solution cells.</summary>
public sealed record SolutionCode(string Student, IReadOnlyList<string> Cells);

/// <summary>A passage found in both submissions of a pair: a character range of a cell in each.</summary>
/// <param name="CellA">Cell index in the first submission's cells.</param>
/// <param name="StartA">First character of the passage in that cell.</param>
/// <param name="EndA">One past its last character.</param>
/// <param name="CellB">Cell index in the second submission's cells.</param>
/// <param name="StartB">First character in that cell.</param>
/// <param name="EndB">One past its last character.</param>
public sealed record MatchedPassage(int CellA, int StartA, int EndA, int CellB, int StartB, int EndB);

/// <summary>Two submissions and how much of their own fingerprints they share.</summary>
/// <param name="A">The first submission (the one earlier in student order).</param>
/// <param name="B">The second submission.</param>
/// <param name="Score">Jaccard index of their fingerprint sets: |F_A ∩ F_B| / |F_A ∪ F_B|, in [0, 1].</param>
/// <param name="Shared">|F_A ∩ F_B|.</param>
/// <param name="OfA">|F_A ∩ F_B| / |F_A|: the fraction of A's own code found in B.</param>
/// <param name="OfB">|F_A ∩ F_B| / |F_B|.</param>
/// <param name="Passages">The matching passages (computed for pairs at or above the threshold only; empty below).</param>
public sealed record SimilarPair(SolutionCode A, SolutionCode B, double Score, int Shared, double OfA, double OfB, IReadOnlyList<MatchedPassage> Passages);

/// <summary>The winnowing parameters and the report's threshold.</summary>
/// <param name="K">Noise threshold k: tokens per hashed k-gram (shorter shared runs are never found).</param>
/// <param name="Window">Window w: any shared run of w + k - 1 tokens is always found.</param>
/// <param name="Threshold">Pairs with <see cref="SimilarPair.Score"/> at or above it get passages and go into the report.</param>
public sealed record SimilarityOptions(int K = 7, int Window = 4, double Threshold = 0.3);

/// <summary>
/// Compares the solution code of every pair of submissions by winnowed fingerprints (<see cref="Fingerprints"/>) of
/// normalised tokens (<see cref="CodeTokens"/>). Every fingerprint that also occurs in the released notebook (stubs,
/// given code, tests) is discarded first, so code the students were given never counts as shared.
/// </summary>
public static class SimilarityComparison
{
    sealed record Prepared(SolutionCode Code, IReadOnlyList<IReadOnlyList<CodeToken>> Tokens, IReadOnlyList<Fingerprint> Prints, HashSet<ulong> Set);

    /// <summary>
    /// Every pair with at least one shared fingerprint, highest <see cref="SimilarPair.Score"/> first (ties by student
    /// names); <paramref name="releasedCells"/> are the code cells of the student release.
    /// </summary>
    public static IReadOnlyList<SimilarPair> Compare(IReadOnlyList<SolutionCode> submissions, IReadOnlyList<string> releasedCells, SimilarityOptions options)
    {
        var twice = submissions.GroupBy(s => s.Student, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ArgumentException($"Student '{twice.Key}' appears more than once among the submissions compared.");
        var released = Prepare(new SolutionCode("(release)", releasedCells), null, options).Set;
        var prepared = submissions.OrderBy(s => s.Student, StringComparer.Ordinal).Select(s => Prepare(s, released, options)).ToList();

        // An inverted index (hash -> submissions holding it) counts shared fingerprints without touching disjoint pairs.
        var holders = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < prepared.Count; i++)
            foreach (var h in prepared[i].Set)
                (holders.TryGetValue(h, out var list) ? list : holders[h] = new List<int>()).Add(i);
        var shared = new Dictionary<(int, int), int>();
        foreach (var list in holders.Values)
            for (var x = 0; x < list.Count; x++)
                for (var y = x + 1; y < list.Count; y++)
                    shared[(list[x], list[y])] = shared.GetValueOrDefault((list[x], list[y])) + 1;

        var pairs = new List<SimilarPair>();
        foreach (var ((i, j), n) in shared)
        {
            var (a, b) = (prepared[i], prepared[j]);
            var score = n / (double)(a.Set.Count + b.Set.Count - n);
            var passages = score >= options.Threshold ? Passages(a, b, options) : Array.Empty<MatchedPassage>();
            pairs.Add(new SimilarPair(a.Code, b.Code, score, n, n / (double)a.Set.Count, n / (double)b.Set.Count, passages));
        }
        return pairs.OrderByDescending(p => p.Score).ThenBy(p => p.A.Student, StringComparer.Ordinal)
            .ThenBy(p => p.B.Student, StringComparer.Ordinal).ToList();
    }

    static Prepared Prepare(SolutionCode code, HashSet<ulong>? released, SimilarityOptions options)
    {
        var tokens = code.Cells.Select(CodeTokens.Of).ToList();
        var prints = Fingerprints.Of(tokens, options.K, options.Window).Where(f => released is null || !released.Contains(f.Hash)).ToList();
        return new Prepared(code, tokens, prints, prints.Select(f => f.Hash).ToHashSet());
    }

    /// <summary>
    /// Joins the shared fingerprints into passages: in A's order, a shared fingerprint of A extends the current
    /// passage when B has the same hash in the same cell after the passage's last match, both within 2(k + w) tokens
    /// of it (the occurrence closest to the same step in both is taken); otherwise it starts a new passage at B's
    /// first occurrence not yet used, so repeated code in B pairs up in order. A passage covers its k-grams' tokens.
    /// </summary>
    static IReadOnlyList<MatchedPassage> Passages(Prepared a, Prepared b, SimilarityOptions options)
    {
        var inB = b.Prints.Where(f => a.Set.Contains(f.Hash)).ToLookup(f => f.Hash);
        var used = new HashSet<Fingerprint>();
        var runs = new List<(int CellA, int FromA, int LastA, int CellB, int FromB, int LastB)>();
        var gap = 2 * (options.K + options.Window);   // a short stretch whose fingerprints the release took may lie inside a passage
        foreach (var fa in a.Prints.Where(f => b.Set.Contains(f.Hash)))
        {
            var last = runs.Count - 1;
            var r = last >= 0 ? runs[last] : default;
            var next = last < 0 || r.CellA != fa.Cell || fa.Token - r.LastA > gap ? null
                : inB[fa.Hash].Where(fb => fb.Cell == r.CellB && fb.Token > r.LastB && fb.Token - r.LastB <= gap)
                    .OrderBy(fb => Math.Abs(fb.Token - r.LastB - (fa.Token - r.LastA))).Cast<Fingerprint?>().FirstOrDefault();
            if (next is { } c)
            {
                runs[last] = (r.CellA, r.FromA, fa.Token, r.CellB, r.FromB, c.Token);
                used.Add(c);
                continue;
            }
            var start = inB[fa.Hash].Where(f => !used.Contains(f)).DefaultIfEmpty(inB[fa.Hash].First()).First();
            used.Add(start);
            runs.Add((fa.Cell, fa.Token, fa.Token, start.Cell, start.Token, start.Token));
        }
        return runs.Select(r =>
        {
            var (ta, tb) = (a.Tokens[r.CellA], b.Tokens[r.CellB]);
            return new MatchedPassage(r.CellA, ta[r.FromA].Start, ta[r.LastA + options.K - 1].End, r.CellB, tb[r.FromB].Start, tb[r.LastB + options.K - 1].End);
        }).ToList();
    }
}
