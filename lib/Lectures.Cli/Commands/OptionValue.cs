using System.CommandLine;
using System.CommandLine.Parsing;

namespace Lectures.Cli.Commands;

/// <summary>
/// How the commands read a value of the command line: a parse function whose ArgumentException or FormatException
/// becomes a parse error (so a malformed value is a wrong command line, exit code 2), and the messages of errors on one line.
/// </summary>
static class OptionValue
{
    /// <summary>A custom parser applying <paramref name="parse"/> to the one token; its exception's message becomes the parse error.</summary>
    public static Func<ArgumentResult, T?> Parser<T>(Func<string, T> parse) => result =>
    {
        try
        {
            return parse(result.Tokens[0].Value);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            result.AddError(OneLine(e));
            return default;
        }
    };

    /// <summary>A whole-number option, with the kit's message for a value that is not one.</summary>
    public static Option<int> WholeNumber(string name, string description, int fallback) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var value = result.Tokens[0].Value;
            if (int.TryParse(value, out var number)) return number;
            result.AddError($"Option {name} expects a whole number, got '{value}'.");
            return fallback;
        },
    };

    /// <summary>The message on one line: lines joined by spaces, without ArgumentException's " (Parameter 'name')".</summary>
    public static string OneLine(Exception e) =>
        OneLine(e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", "") : e.Message);

    /// <summary>The lines of <paramref name="message"/> joined by spaces.</summary>
    public static string OneLine(string message) =>
        string.Join(" ", message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The text given for <paramref name="option"/> on the command line, or null when it was not given.</summary>
    public static string? Given(ParseResult result, Option option) =>
        result.GetResult(option) is { Implicit: false, Tokens: [var token, ..] } ? token.Value : null;

    /// <summary>"a, b or c".</summary>
    public static string OneOf(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
}
