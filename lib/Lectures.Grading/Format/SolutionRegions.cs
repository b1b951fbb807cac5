using System.Text;
using System.Text.RegularExpressions;

namespace Lectures.Grading.Format;

/// <summary>
/// The solution regions of a code cell, nbgrader's format for C#: the lines from <c>// BEGIN SOLUTION</c> to
/// <c>// END SOLUTION</c> (markers included) are the instructor's answer.
/// </summary>
public static partial class SolutionRegions
{
    /// <summary>The stub that replaces a region, at the region's indentation.</summary>
    public const string Stub = "// YOUR CODE HERE\nthrow new NotImplementedException();";

    [GeneratedRegex(@"^(\s*)//\s*(BEGIN|END) SOLUTION\s*$")]
    private static partial Regex Marker();

    /// <summary>True when <paramref name="source"/> mentions a solution marker anywhere.</summary>
    public static bool Mentions(string source) =>
        source.Contains("BEGIN SOLUTION", StringComparison.Ordinal) || source.Contains("END SOLUTION", StringComparison.Ordinal);

    /// <summary>
    /// Replaces every region of <paramref name="source"/> by <see cref="Stub"/>; throws InvalidDataException naming
    /// <paramref name="cellId"/> when a marker is unbalanced or nested, or when there is no region at all.
    /// </summary>
    public static string Strip(string source, string cellId)
    {
        var output = new StringBuilder();
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var regions = 0;
        int? openedAt = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = Marker().Match(lines[i]);
            if (!marker.Success)
            {
                if (Mentions(lines[i]))
                    throw new InvalidDataException($"Cell '{cellId}', line {i + 1}: a solution marker must be alone on its line as '// BEGIN SOLUTION' or '// END SOLUTION', got '{lines[i].Trim()}'.");
                if (openedAt is null) output.Append(lines[i]).Append('\n');
                continue;
            }
            var begins = marker.Groups[2].Value == "BEGIN";
            if (begins == openedAt.HasValue)
                throw new InvalidDataException(begins
                    ? $"Cell '{cellId}', line {i + 1}: BEGIN SOLUTION inside the region opened on line {openedAt + 1}; regions do not nest."
                    : $"Cell '{cellId}', line {i + 1}: END SOLUTION without a BEGIN SOLUTION before it.");
            if (begins) { openedAt = i; continue; }
            openedAt = null;
            regions++;
            var indent = marker.Groups[1].Value;
            foreach (var stubLine in Stub.Split('\n')) output.Append(indent).Append(stubLine).Append('\n');
        }
        if (openedAt is not null)
            throw new InvalidDataException($"Cell '{cellId}', line {openedAt + 1}: BEGIN SOLUTION is never closed by END SOLUTION.");
        if (regions == 0)
            throw new InvalidDataException($"Cell '{cellId}' is a solution cell but has no '// BEGIN SOLUTION' ... '// END SOLUTION' region.");
        return output.ToString().TrimEnd('\n');
    }
}
