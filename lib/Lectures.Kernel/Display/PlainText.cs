using Microsoft.CodeAnalysis.CSharp.Scripting.Hosting;
using Microsoft.CodeAnalysis.Scripting.Hosting;

namespace Lectures.Kernel.Display;

/// <summary>
/// The text/plain form of a value: a string as it is, a type that overrides ToString (and is not a collection) by its
/// ToString, anything else the way C# Interactive prints it (Roslyn's CSharpObjectFormatter, e.g. "int[3] { 1, 2, 3 }").
/// </summary>
public static class PlainText
{
    static readonly PrintOptions Options = new() { MaximumOutputLength = 100_000 };

    /// <summary>The text/plain form of <paramref name="value"/>; "null" for null.</summary>
    public static string Of(object? value) => value switch
    {
        null => "null",
        string s => s,
        System.Collections.IEnumerable => CSharpObjectFormatter.Instance.FormatObject(value, Options),
        _ when OverridesToString(value.GetType()) => value.ToString() ?? "",
        _ => CSharpObjectFormatter.Instance.FormatObject(value, Options),
    };

    static bool OverridesToString(Type type) =>
        !type.IsPrimitive && type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } declaring
        && declaring != typeof(object) && declaring != typeof(ValueType) && !IsCompilerTuple(type);

    static bool IsCompilerTuple(Type type) => type.FullName?.StartsWith("System.ValueTuple", StringComparison.Ordinal) == true;
}
