using Lectures.Cli.Commands;

const string Usage = """
    lectures: the Lectures kit command.

      build [--only 03,05] [--out DIR]   pack the kit, run every notebook headless, write out/ (notebooks + site)
      assign release NAME [--out DIR]   write the student version of assignments/NAME/ to out/release/NAME/
      grade NAME --submissions DIR      grade submitted notebooks: out/grade/NAME/gradebook.csv and feedback/
            [--out DIR] [--cell-timeout S] [--notebook-timeout S] [--memory-mb N] [--parallel N]
            [--unsandboxed]                 (only where bubblewrap is missing: students' code runs unisolated)
      experiment NAME [--out DIR]       run a full experiment, write CSV + HTML report to out/experiments/NAME/
            [--resume DIR]              (continue a stopped run in DIR: finished runs are kept as they come)
                                        (names: sparsify, interaction, finetune, lm)
      data                              download the external datasets (Cora) into ~/.cache/lectures
      order FILE.npz --method M --out F  write a removal order as "u<TAB>v" lines (M: 1-wis, 2-wis, 3-wis, random,
            [--tie-rule smallest|largest] [--seed N] [--force]   spectral); an existing F is kept unless --force
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}
try
{
    var options = new Options(args.Skip(1), [.. OrderCommand.Flags, "--unsandboxed"]);
    return args[0] switch
    {
        "build" => BuildCommand.Run(options),
        "assign" => AssignCommand.Run(options),
        "grade" => GradeCommand.Run(options),
        "experiment" => ExperimentCommand.Run(options),
        "data" => DataCommand.Run(options),
        "order" => OrderCommand.Run(options),
        _ => throw new ArgumentException($"Unknown command '{args[0]}'.\n{Usage}"),
    };
}
catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or InvalidDataException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
