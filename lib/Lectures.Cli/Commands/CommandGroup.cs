using System.CommandLine;

namespace Lectures.Cli.Commands;

/// <summary>
/// A command whose next word names one of its subcommands (lectures, experiment, kernel, assign); <see cref="Unknown"/>
/// is the error for a missing or unknown word.
/// </summary>
public class CommandGroup : Command
{
    /// <summary>A group named <paramref name="name"/>; by default a wrong word gets "Unknown command 'W' of NAME: expected A, B or C."</summary>
    public CommandGroup(string name, string description) : base(name, description) =>
        Unknown = word => $"{(word is null ? $"Name a command of {Name}" : $"Unknown command '{word}' of {Name}")}: expected {OptionValue.OneOf([.. Subcommands.Select(c => c.Name)])}.";

    /// <summary>The error message for a word that names no subcommand (null: none was given).</summary>
    public Func<string?, string> Unknown { get; init; }
}
