using System.Security.Cryptography;
using System.Text;

namespace Lectures.Grading.Format;

/// <summary>The checksum that tells whether a locked cell was changed, as nbgrader keeps for its locked cells.</summary>
public static class CellChecksum
{
    /// <summary>
    /// SHA-256 (hex) of the source with line endings made "\n", trailing spaces of each line and blank lines at the
    /// end removed, and a leading "#!csharp" kernel line dropped: editors change those, students do not.
    /// </summary>
    public static string Of(string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        if (lines.Count > 0 && lines[0] is "#!csharp" or "#!c#") lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))));
    }
}
