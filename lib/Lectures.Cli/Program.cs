using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Text.Json;
using Lectures.Cli.Commands;

namespace Lectures.Cli;

/// <summary>
/// The <c>lectures</c> command. A user error (a bad option, a missing or malformed file, a state the command cannot
/// proceed from) prints one line <c>error: ...</c> on stderr and exits with <see cref="UsageError"/> (2: the command
/// line is wrong) or <see cref="InputError"/> (1: a file, folder or the machine is not as the command needs).
/// Any other exception is a bug of the kit and prints its stack trace; <c>--verbose</c> (accepted by every command)
/// prints the stack trace of user errors too. Each command declares its own arguments and options (Commands/XCommand.cs);
/// System.CommandLine parses them and writes the help.
/// </summary>
public static class Program
{
    /// <summary>The exit code of a wrong command line: unknown command, option or name, a missing or malformed value.</summary>
    public const int UsageError = 2;

    /// <summary>The exit code of bad input: a file that is missing or malformed, or a state the command cannot proceed from.</summary>
    public const int InputError = 1;

    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>
    /// The <c>lectures</c> command: the kit's commands, <c>--help</c> (also <c>-h</c>) and <c>--verbose</c> on every one.
    /// A new command is one more entry here.
    /// </summary>
    public static CommandGroup Commands()
    {
        Command[] commands = [new BuildCommand(), new AssignCommand(), new GradeCommand(), new CheckCommand(), new ExperimentCommand(), new KernelCommand(), new DataCommand(), new OrderCommand()];
        var root = new CommandGroup("lectures",
            "lectures: the Lectures kit command. Exit codes: 0 done, 1 bad input (a missing or malformed file, no sandbox, " +
            "settings that differ from the run to resume), 2 a wrong command line, 3 an experiment with failed or stopped runs (resume it).")
        {
            Unknown = word => $"Unknown command '{word}': expected {OptionValue.OneOf([.. commands.Select(c => c.Name)])} (lectures --help).",
        };
        foreach (var command in commands) root.Subcommands.Add(command);
        root.Options.Add(new HelpOption());
        root.Options.Add(new Option<bool>("--verbose") { Description = "print the stack trace of an error", Recursive = true });
        return root;
    }

    /// <summary>
    /// Runs the command line <paramref name="args"/>: help goes to <paramref name="output"/>, a user error to
    /// <paramref name="error"/> as one line "error: MESSAGE" (and its stack trace after it with --verbose). No arguments
    /// print the help and give <see cref="UsageError"/>; `lectures help [COMMAND]` is `lectures [COMMAND] --help`.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = Commands();
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        var result = root.Parse(args is ["help", .. var rest] ? [.. rest, "--help"] : args);
        if (result.Action is ParseErrorAction)
        {
            if (result.CommandResult.Command == root && result.UnmatchedTokens.Count == 0)
            {
                root.Parse(["--help"]).Invoke(configuration);
                return UsageError;
            }
            error.WriteLine($"error: {ParseError(result)}");
            return UsageError;
        }
        try
        {
            return result.Invoke(configuration);
        }
        catch (Exception e) when (IsUserError(e))
        {
            error.WriteLine($"error: {OptionValue.OneLine(e)}");
            if (result.GetValue<bool>("--verbose")) error.WriteLine(e);
            return e is ArgumentException ? UsageError : InputError;
        }
    }

    /// <summary>
    /// The message of the first error of <paramref name="result"/>: an unknown option names the command's options, an
    /// unknown or missing word after a group names its subcommands, an option without its value says so.
    /// </summary>
    static string ParseError(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var options = command.Options.Where(o => o is not HelpOption && !o.Hidden).Select(o => o.Name).ToList();
        if (result.UnmatchedTokens is [var first, ..])
        {
            var unknown = result.UnmatchedTokens.Where(t => t.StartsWith('-')).ToList();
            if (unknown.Count > 0 && options.Count > 0) return $"Unknown option(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", options)}.";
            if (command is CommandGroup group) return group.Unknown(first);
        }
        else if (command is CommandGroup group && result.Errors.Any(e => e.SymbolResult == result.CommandResult))
        {
            return group.Unknown(null);
        }
        var error = result.Errors[0];
        return error.SymbolResult is OptionResult { Tokens.Count: 0, Option.Arity.MinimumNumberOfValues: > 0, IdentifierToken: { } option }
            ? $"Option {option.Value} needs a value."
            : OptionValue.OneLine(error.Message);
    }

    /// <summary>
    /// True for the exceptions a user can cause and fix: wrong arguments, missing or malformed files (an .npz, a
    /// notebook, releases.json), files that cannot be written, and states a command refuses to proceed from
    /// (InvalidOperationException: no sandbox without --unsandboxed, a run to resume with other settings, a tool that failed).
    /// </summary>
    static bool IsUserError(Exception e) =>
        e is ArgumentException or FormatException or IOException or InvalidDataException or JsonException
            or UnauthorizedAccessException or (InvalidOperationException and not ObjectDisposedException);
}
