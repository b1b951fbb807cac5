using System.Globalization;

namespace Lectures.Kernel.Editing;

/// <summary>Jupyter counts cursor positions in Unicode code points (protocol 5.2+); .NET strings index UTF-16 units.</summary>
public static class TextPosition
{
    /// <summary>The UTF-16 index of the code point <paramref name="codePoints"/> of <paramref name="text"/> (clamped to its end).</summary>
    public static int ToIndex(string text, int codePoints)
    {
        var index = 0;
        for (var i = 0; i < codePoints && index < text.Length; i++) index += char.IsSurrogatePair(text, index) ? 2 : 1;
        return index;
    }

    /// <summary>The number of code points before UTF-16 index <paramref name="index"/> of <paramref name="text"/>.</summary>
    public static int ToCodePoints(string text, int index)
    {
        var count = 0;
        for (var i = 0; i < index && i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1) count++;
        return count;
    }

    /// <summary>True for characters that may appear in a C# identifier.</summary>
    public static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.ConnectorPunctuation;
}
