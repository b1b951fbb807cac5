using System.Globalization;
using System.Text;

namespace Lectures.Torch.Experiments;

/// <summary>The result files' CSV: fields quoted only when they hold a comma or a quote, numbers invariant and round-trip.</summary>
internal static class Csv
{
    /// <summary>s, or "s" with inner quotes doubled when s holds a comma or a quote.</summary>
    public static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    /// <summary>x in round-trip invariant form ("R").</summary>
    public static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A double written by <see cref="Number"/>.</summary>
    public static double ParseNumber(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>An integer field.</summary>
    public static int ParseInt(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>The fields of one line written with <see cref="Quote"/>; <paramref name="expected"/> fields or an InvalidDataException.</summary>
    public static string[] Split(string line, int expected)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        if (fields.Count != expected)
            throw new InvalidDataException($"A recorded row has {fields.Count} fields, expected {expected}: \"{line}\".");
        return fields.ToArray();
    }
}
