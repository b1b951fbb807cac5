using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Lectures.Torch.Experiments;

/// <summary>An experiment's settings as (name, value) lines, to compare a resumed experiment with the runs it continues.</summary>
public static class SettingsDescription
{
    /// <summary>Values longer than this (a whole data set) are written as their SHA-256 and length.</summary>
    const int LongValue = 200;

    /// <summary>
    /// One line per public property of <paramref name="options"/> (except <paramref name="except"/>): numbers in
    /// round-trip invariant form, lists as [a, b], records as {Name = value, ...}, long values as their SHA-256.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> Of(object options, params string[] except)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && !except.Contains(p.Name))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p.Name, Shorten(Value(p.GetValue(options), depth: 0)))).ToList();
    }

    static string Value(object? value, int depth) => value switch
    {
        null => "none",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IConvertible c => c.ToString(CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(i => Value(i, depth + 1))) + "]",
        _ when depth < 4 => "{" + string.Join(", ", value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => $"{p.Name} = {Value(p.GetValue(value), depth + 1)}")) + "}",
        _ => value.ToString() ?? "",
    };

    static string Shorten(string value) => value.Length <= LongValue ? value
        : $"sha256:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16]} ({value.Length} characters)";
}
