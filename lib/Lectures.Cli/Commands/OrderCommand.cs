using System.CommandLine;
using System.Diagnostics;
using Lectures.Graphs;
using Lectures.Sparsification;

namespace Lectures.Cli.Commands;

/// <summary>
/// <c>lectures order FILE.npz --method 1-wis|2-wis|3-wis|random|spectral [--tie-rule smallest|largest] [--seed N]
/// --out order.tsv [--force]</c>: writes the full edge removal order of <see cref="SparsificationMethods.Order"/> as
/// one <c>u&lt;TAB&gt;v</c> line per edge, first removed first, with the file's vertex ids (row indices of its adjacency
/// matrix, u &lt; v), so users of other GNN libraries can take the order without writing C#. An existing --out file is kept unless --force is given.
/// </summary>
public sealed class OrderCommand : Command
{
    readonly Argument<string> file = new("FILE.npz") { Description = "the graph, in the gnn-benchmark .npz format (e.g. cora.npz)" };
    readonly Option<string> method = new("--method") { Description = "1-wis, 2-wis, 3-wis, random or spectral", HelpName = "M" };
    readonly Option<string> tieRule = new("--tie-rule") { Description = "how WIS breaks ties: smallest or largest edge", HelpName = "smallest|largest" };
    readonly Option<int> seed = OptionValue.WholeNumber("--seed", "the seed of random and spectral", 0);
    readonly Option<string> output = new("--out") { Description = "the file to write, one \"u<TAB>v\" line per edge", HelpName = "F" };
    readonly Option<bool> force = new("--force") { Description = "overwrite an existing --out file" };

    /// <summary>What one `lectures order` line asks for.</summary>
    public sealed record Settings(string File, SparsificationMethod Method, string Out, TieRule? TieRule, int Seed, bool Force);

    /// <summary>The `order` command with its argument and options.</summary>
    public OrderCommand() : base("order", "write a removal order as \"u<TAB>v\" lines; an existing --out file is kept unless --force")
    {
        Arguments.Add(file);
        Options.Add(method);
        Options.Add(tieRule);
        Options.Add(seed);
        Options.Add(output);
        Options.Add(force);
        SetAction(result => Run(Read(result)));
    }

    /// <summary>The settings of a parsed `order` line; throws an ArgumentException naming a missing or inconsistent value.</summary>
    public Settings Read(ParseResult result)
    {
        var name = result.GetValue(method) ?? throw new ArgumentException(
            $"Name a method with --method: {string.Join(", ", SparsificationMethods.WithoutTraining.Select(m => m.Name().ToLowerInvariant()))}.");
        var parsed = SparsificationMethods.Parse(name, SparsificationMethods.WithoutTraining);
        var path = result.GetValue(output) ?? throw new ArgumentException("Name the output file with --out order.tsv.");
        var rule = TieRuleOption(result.GetValue(tieRule), parsed, name);
        if (OptionValue.Given(result, seed) is not null && !parsed.IsSeeded())
            throw new ArgumentException($"--seed applies to random and spectral only; {name} is deterministic.");
        return new Settings(result.GetValue(file)!, parsed, path, rule, result.GetValue(seed), result.GetValue(force));
    }

    /// <summary>Writes the order of <paramref name="settings"/>; returns the process exit code.</summary>
    public static int Run(Settings settings)
    {
        if (File.Exists(settings.Out) && !settings.Force)
            throw new IOException($"{settings.Out} exists; pass --force to overwrite it.");
        var graph = ReadGraph(settings.File);
        var name = settings.Method.Name().ToLowerInvariant();
        Console.WriteLine($"{Path.GetFileName(settings.File)}: {graph.VertexCount} vertices, {graph.EdgeCount} edges; computing the {name} order.");
        var clock = Stopwatch.StartNew();
        var order = settings.Method.Order(graph, settings.Seed, settings.TieRule, new PercentProgress(clock));
        Write(order, settings.Out);
        Console.WriteLine($"Wrote {order.Count} edges ({order.Method}) to {settings.Out} in {clock.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    /// <summary>Writes one "u\tv" line per edge in removal order to <paramref name="path"/> (through a temporary file beside it, then renamed).</summary>
    public static void Write(RemovalOrder order, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        using (var writer = new StreamWriter(temporary))
        {
            writer.NewLine = "\n";
            foreach (var (u, v) in order.Edges) writer.WriteLine($"{u}\t{v}");
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static TieRule? TieRuleOption(string? value, SparsificationMethod method, string name)
    {
        if (value is null) return null;
        if (method.IsSeeded())
            throw new ArgumentException($"--tie-rule applies to the WIS methods only, not to {name}.");
        return value switch
        {
            "smallest" => TieRule.SmallestEdge,
            "largest" => TieRule.LargestEdge,
            _ => throw new ArgumentException($"Unknown tie rule '{value}': expected smallest or largest."),
        };
    }

    private static Graph ReadGraph(string file)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"{file} does not exist.", file);
        if (!file.EndsWith(".npz", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"{file} is not an .npz file: expected a graph in the gnn-benchmark .npz format (e.g. cora.npz).");
        try
        {
            return CitationGraphReader.Read(file);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    /// <summary>Prints the fraction done at every tenth, with the elapsed time.</summary>
    private sealed class PercentProgress(Stopwatch clock) : IProgress<double>
    {
        private int lastTenth;

        public void Report(double value)
        {
            var tenth = (int)(value * 10);
            if (tenth <= lastTenth) return;
            lastTenth = tenth;
            Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {value:P0}");
        }
    }
}
