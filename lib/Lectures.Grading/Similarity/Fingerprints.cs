namespace Lectures.Grading.Similarity;

/// <summary>A selected k-gram hash: its value and the first token of its k-gram (cell index, token index in that cell).</summary>
public readonly record struct Fingerprint(ulong Hash, int Cell, int Token);

/// <summary>
/// Winnowing (Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms for document fingerprinting", SIGMOD 2003,
/// the algorithm of MOSS): hash every k-gram of normalised tokens, slide a window of w consecutive hashes and keep the
/// minimum of each window (the rightmost one on a tie), each position once. Any shared run of at least w + k - 1
/// tokens shares a fingerprint; no run shorter than k does.
/// </summary>
public static class Fingerprints
{
    /// <summary>The fingerprints of each cell of <paramref name="cells"/> (k-grams never cross cells).</summary>
    public static IReadOnlyList<Fingerprint> Of(IReadOnlyList<IReadOnlyList<CodeToken>> cells, int k, int w)
    {
        if (k < 1 || w < 1) throw new ArgumentOutOfRangeException(nameof(k), $"k and w must be at least 1, got k = {k}, w = {w}.");
        var selected = new List<Fingerprint>();
        for (var c = 0; c < cells.Count; c++)
        {
            var hashes = KGramHashes(cells[c], k);
            if (hashes.Length == 0) continue;
            var last = -1;
            for (var start = 0; start + Math.Min(w, hashes.Length) <= hashes.Length; start++)
            {
                var min = start;
                for (var i = start + 1; i < start + Math.Min(w, hashes.Length); i++)
                    if (hashes[i] <= hashes[min]) min = i;
                if (min != last) selected.Add(new Fingerprint(hashes[min], c, min));
                last = min;
            }
        }
        return selected;
    }

    /// <summary>h_i = FNV-1a (64 bit) of the token codes i .. i + k - 1; deterministic across processes, unlike string.GetHashCode.</summary>
    static ulong[] KGramHashes(IReadOnlyList<CodeToken> tokens, int k)
    {
        var hashes = new ulong[Math.Max(0, tokens.Count - k + 1)];
        for (var i = 0; i < hashes.Length; i++)
        {
            var h = 14695981039346656037UL;
            for (var j = i; j < i + k; j++)
            {
                foreach (var ch in tokens[j].Code) h = (h ^ ch) * 1099511628211UL;
                h = (h ^ 0x1F) * 1099511628211UL;   // separator, so "a" + "bc" differs from "ab" + "c"
            }
            hashes[i] = h;
        }
        return hashes;
    }
}
