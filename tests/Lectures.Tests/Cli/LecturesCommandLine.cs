using System.CommandLine;
using System.CommandLine.Parsing;
using Lectures.Cli;

namespace Lectures.Tests.Cli;

/// <summary>The `lectures` command in process: a line run with its exit code, output and errors, or parsed into a command's settings.</summary>
static class LecturesCommandLine
{
    /// <summary>Runs `lectures ARGS`; returns the exit code and what it wrote as help and as errors.</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Program.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>What `lectures ARGS` parses into: <paramref name="read"/> of the <typeparamref name="TCommand"/> the line names (it or its subcommand).</summary>
    public static TSettings Parse<TCommand, TSettings>(Func<TCommand, ParseResult, TSettings> read, params string[] args) where TCommand : Command
    {
        var result = Program.Commands().Parse(args);
        Assert.Empty(result.Errors);
        for (SymbolResult? symbol = result.CommandResult; symbol is not null; symbol = symbol.Parent)
            if (symbol is CommandResult { Command: TCommand command }) return read(command, result);
        throw new InvalidOperationException($"`lectures {string.Join(" ", args)}` is not a {typeof(TCommand).Name} line.");
    }
}
