using System.Text.Json;
using Lectures.Cli.Commands;

namespace Lectures.Cli;

/// <summary>
/// The <c>lectures</c> command. A user error (a bad option, a missing or malformed file, a state the command cannot
/// proceed from) prints one line <c>error: ...</c> on stderr and exits with <see cref="UsageError"/> (2: the command
/// line is wrong) or <see cref="InputError"/> (1: a file, folder or the machine is not as the command needs).
/// Any other exception is a bug of the kit and prints its stack trace; <c>--verbose</c> (accepted by every command)
/// prints the stack trace of user errors too.
/// </summary>
public static class Program
{
    /// <summary>The exit code of a wrong command line: unknown command, option or name, a missing or malformed value.</summary>
    public const int UsageError = 2;

    /// <summary>The exit code of bad input: a file that is missing or malformed, or a state the command cannot proceed from.</summary>
    public const int InputError = 1;

    const string Usage = """
        lectures: the Lectures kit command.

          build [--only 03,05] [--out DIR]   pack the kit, run every notebook headless, write out/ (notebooks + site)
                [--engine kit|dotnet-interactive]   (the kit's kernel, default; or the pinned .NET Interactive)
          assign release NAME [--out DIR]   write the student version of assignments/NAME/ to out/release/NAME/
          grade NAME --submissions DIR      grade submitted notebooks: out/grade/NAME/gradebook.csv and feedback/
                [--out DIR] [--cell-timeout S] [--notebook-timeout S] [--memory-mb N] [--parallel N]
                [--unsandboxed]                 (only where bubblewrap is missing: students' code runs unisolated)
                [--similarity]                  (also write similarity.html: pairs of similar solutions, to look at)
                [--times FILE [--extensions FILE]]  (late policy of assignments/course.json: submission times, extensions)
                [--export canvas|moodle --roster FILE]  (fill the gradebook the LMS exported, to import back)
                [--manual FILE]                 (merge scores.csv of the answers graded by hand; see manual-answers.html)
                                            (--submissions also reads Canvas and Moodle bulk downloads as they unzip)
          experiment NAME [--out DIR]       run a full experiment, write CSV + HTML report to out/experiments/NAME/
                [--resume DIR]              (continue a stopped run in DIR: finished runs are kept as they come)
                [--shard K/N]               (run one machine's share; `experiment merge DIR...` joins the shards)
                                            (names: sparsification, interaction, finetuning, language-model;
                                            `experiment --help` lists them)
          kernel install [--user|--prefix DIR]   install the Jupyter kernelspec lectures-csharp ("C# (Lectures)") that runs
                                            this clone's kernel; `kernel uninstall [--user|--prefix DIR]` removes it
          data                              download the external datasets (Cora) into ~/.cache/lectures
          order FILE.npz --method M --out F  write a removal order as "u<TAB>v" lines (M: 1-wis, 2-wis, 3-wis, random,
                [--tie-rule smallest|largest] [--seed N] [--force]   spectral); an existing F is kept unless --force

        Every command accepts --verbose (stack traces on errors) and --help. Exit codes: 0 done, 1 bad input (a missing
        or malformed file, no sandbox, settings that differ from the run to resume), 2 a wrong command line,
        3 an experiment with failed or stopped runs (resume it).
        """;

    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>
    /// Runs the command line <paramref name="args"/>: help goes to <paramref name="output"/>, a user error to
    /// <paramref name="error"/> as one line "error: MESSAGE" (and its stack trace after it with --verbose).
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var verbose = args.Contains("--verbose");
        args = [.. args.Where(a => a != "--verbose")];
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? UsageError : 0;
        }
        if (args.Contains("--help") || args.Contains("-h"))
        {
            output.WriteLine(args[0] == "experiment" ? ExperimentUsage() : Usage);
            return 0;
        }
        try
        {
            var options = new Options(args.Skip(1), [.. OrderCommand.Flags, "--unsandboxed", "--similarity", "--user"]);
            return args[0] switch
            {
                "build" => BuildCommand.Run(options),
                "assign" => AssignCommand.Run(options),
                "grade" => GradeCommand.Run(options),
                "experiment" => ExperimentCommand.Run(options),
                "data" => DataCommand.Run(options),
                "kernel" => KernelCommand.Run(options),
                "order" => OrderCommand.Run(options),
                _ => throw new ArgumentException($"Unknown command '{args[0]}': expected build, assign, grade, experiment, kernel, data or order (lectures --help)."),
            };
        }
        catch (Exception e) when (IsUserError(e))
        {
            error.WriteLine($"error: {OneLine(e)}");
            if (verbose) error.WriteLine(e);
            return e is ArgumentException ? UsageError : InputError;
        }
    }

    /// <summary>
    /// True for the exceptions a user can cause and fix: wrong arguments, missing or malformed files (an .npz, a
    /// notebook, releases.json), files that cannot be written, and states a command refuses to proceed from
    /// (InvalidOperationException: no sandbox without --unsandboxed, a run to resume with other settings, a tool that failed).
    /// </summary>
    static bool IsUserError(Exception e) =>
        e is ArgumentException or FormatException or IOException or InvalidDataException or JsonException
            or UnauthorizedAccessException or (InvalidOperationException and not ObjectDisposedException);

    /// <summary>The message on one line: lines joined by spaces, without ArgumentException's " (Parameter 'name')".</summary>
    static string OneLine(Exception e)
    {
        var message = e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", "") : e.Message;
        return string.Join(" ", message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    static string ExperimentUsage() => ExperimentCommand.Usage();
}
