namespace Lectures.Cli.Commands;

/// <summary>Command-line options of the form --name value and --flag; anything else is a positional argument.</summary>
public sealed class Options
{
    readonly Dictionary<string, string?> named = new(StringComparer.Ordinal);

    /// <summary>The positional arguments, in order.</summary>
    public List<string> Positional { get; } = new();

    /// <summary>Parses <paramref name="args"/>; <paramref name="flags"/> are the options that take no value.</summary>
    public Options(IEnumerable<string> args, params string[] flags)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            if (!a.StartsWith("--", StringComparison.Ordinal)) { Positional.Add(a); continue; }
            if (flags.Contains(a)) { named[a] = null; continue; }
            if (!e.MoveNext()) throw new ArgumentException($"Option {a} needs a value.");
            named[a] = e.Current;
        }
    }

    /// <summary>The value of --<paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public string? Get(string name, string? fallback = null) => named.TryGetValue(name, out var v) ? v : fallback;

    /// <summary>True when the flag --<paramref name="name"/> was given.</summary>
    public bool Has(string name) => named.ContainsKey(name);

    /// <summary>The integer value of --<paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public int GetInt(string name, int fallback)
    {
        var v = Get(name);
        if (v is null) return fallback;
        return int.TryParse(v, out var i) ? i : throw new ArgumentException($"Option {name} expects a whole number, got '{v}'.");
    }

    /// <summary>Throws when an option outside <paramref name="known"/> was given.</summary>
    public void RejectUnknown(params string[] known)
    {
        var bad = named.Keys.Where(k => !known.Contains(k)).ToList();
        if (bad.Count > 0) throw new ArgumentException($"Unknown option(s): {string.Join(", ", bad)}. Known: {string.Join(", ", known)}.");
    }
}
