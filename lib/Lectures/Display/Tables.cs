using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Lectures;

/// <summary>
/// Shows lists of records as tables: <c>rows.ToTable("caption")</c> gives a <see cref="TableView"/> whose columns
/// are the rows' property (or field) names and whose cells are formatted by <see cref="Format"/>.
/// </summary>
public static class Tables
{
    /// <summary>What a missing value (NaN) shows as.</summary>
    public const string Missing = "–";

    /// <summary>How many items of a nested list a cell shows before "…".</summary>
    public const int NestedItems = 4;

    /// <summary>
    /// The table of <paramref name="rows"/>: one row per item, one column per public property or field of the
    /// item type (records, anonymous objects, classes; tuples give Item1, Item2, ... unless <paramref name="columns"/>
    /// names them); a list of plain values (numbers, strings) gives one column "Value".
    /// </summary>
    /// <param name="rows">The rows, in order.</param>
    /// <param name="caption">A caption shown above the table, or null.</param>
    /// <param name="columns">Column names to show instead of the member names (one per member, in order), or null.</param>
    public static TableView ToTable<T>(this IEnumerable<T> rows, string? caption = null, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var items = rows.ToList();
        var type = typeof(T);
        if (type == typeof(object) || type.IsInterface || type.IsAbstract)
            type = items.FirstOrDefault(i => i is not null)?.GetType() ?? type;
        var members = IsScalar(type) ? null : Members(type);
        var names = members?.Select(m => m.Name).ToList() ?? ["Value"];
        if (columns is not null)
        {
            if (columns.Count != names.Count)
                throw new ArgumentException(
                    $"{columns.Count} column names were given for {names.Count} columns ({string.Join(", ", names)}).", nameof(columns));
            names = columns.ToList();
        }
        var values = items.Select(item => members is null
            ? new[] { (object?)item }
            : members.Select(m => item is null ? null : m.Get(item)).ToArray()).ToList();
        var numeric = Enumerable.Range(0, names.Count)
            .Select(c => values.Count > 0 && values.All(v => v[c] is null || IsNumber(v[c]!))).ToList();
        return new TableView(names, values.Select(v => (IReadOnlyList<string>)v.Select(Format).ToList()).ToList(), numeric, caption);
    }

    /// <summary>
    /// One value as a table cell shows it: integers as integers; doubles with 4 significant digits
    /// (16.225798 → "16.23", 0.5 → "0.5"), in scientific notation with 3 significant digits when
    /// 0 &lt; |x| &lt; 1e-3 or |x| ≥ 1e6 (1e-4 → "1.00e-04"); NaN as "–"; <see cref="Percent"/> as "87.3%";
    /// <see cref="PercentagePoints"/> as "+2.1 pts"; lists as their first <see cref="NestedItems"/> items
    /// ("[1, 2, 3, 4, … (10 items)]"); records, anonymous objects and tuples member by member; null as "".
    /// </summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => Number(d),
        float f => Number(f),
        decimal m => Number((double)m),
        bool b => b ? "true" : "false",
        IFormattable when IsInteger(value.GetType()) => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        Percent or PercentagePoints => value.ToString()!,
        IEnumerable list => Nested(list),
        ITuple tuple => "(" + string.Join(", ", Enumerable.Range(0, tuple.Length).Select(i => Format(tuple[i]))) + ")",
        _ when IsRecordLike(value.GetType()) =>
            "{ " + string.Join(", ", Members(value.GetType()).Select(m => $"{m.Name} = {Format(m.Get(value))}")) + " }",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static string Number(double x)
    {
        if (double.IsNaN(x)) return Missing;
        if (double.IsInfinity(x)) return x > 0 ? "∞" : "-∞";
        if (x == 0) return "0";
        var magnitude = Math.Abs(x);
        if (magnitude < 1e-3 || magnitude >= 1e6) return x.ToString("0.00e+00", CultureInfo.InvariantCulture);
        // 4 significant digits: 3 - floor(log10 |x|) decimals, then trailing zeros dropped.
        var decimals = Math.Max(0, 3 - (int)Math.Floor(Math.Log10(magnitude)));
        var text = x.ToString("F" + decimals, CultureInfo.InvariantCulture);
        return text.Contains('.') ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    static string Nested(IEnumerable list)
    {
        var shown = new List<string>();
        var count = 0;
        foreach (var item in list)
            if (count++ < NestedItems) shown.Add(Format(item));
        return count <= NestedItems
            ? "[" + string.Join(", ", shown) + "]"
            : "[" + string.Join(", ", shown) + $", … ({count} items)]";
    }

    sealed record Member(string Name, Func<object, object?> Get);

    static List<Member> Members(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => new Member(p.Name, p.GetValue)),
        .. type.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => new Member(f.Name, f.GetValue)),
    ];

    static bool IsInteger(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(sbyte)
        || t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort) || t == typeof(BigInteger)
        || t == typeof(Int128) || t == typeof(UInt128);

    static bool IsNumber(object value) =>
        value is double or float or decimal or Percent or PercentagePoints || IsInteger(value.GetType());

    /// <summary>A type shown as one cell, not split into columns: numbers, text, lists and types without public members.</summary>
    static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || IsInteger(type)
        || type == typeof(Percent) || type == typeof(PercentagePoints)
        || (Nullable.GetUnderlyingType(type) is { } inner && IsScalar(inner))
        || (typeof(IEnumerable).IsAssignableFrom(type) && !IsRecordLike(type))
        || Members(type).Count == 0;

    /// <summary>Anonymous types, records and tuples: shown member by member (their own ToString prints raw doubles).</summary>
    static bool IsRecordLike(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), false)
        || type.GetMethod("<Clone>$") is not null
        || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null)
        || typeof(ITuple).IsAssignableFrom(type);
}
