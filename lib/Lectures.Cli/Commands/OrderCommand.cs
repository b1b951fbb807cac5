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
public static class OrderCommand
{
    /// <summary>The options of this command that take no value.</summary>
    public static readonly string[] Flags = ["--force"];

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(Options options)
    {
        options.RejectUnknown("--method", "--tie-rule", "--seed", "--out", "--force");
        if (options.Positional is not [var file])
            throw new ArgumentException("Usage: lectures order FILE.npz --method 1-wis|2-wis|3-wis|random|spectral [--tie-rule smallest|largest] [--seed N] --out order.tsv [--force].");
        var name = options.Get("--method") ?? throw new ArgumentException(
            $"Name a method with --method: {string.Join(", ", SparsificationMethods.WithoutTraining.Select(m => m.Name().ToLowerInvariant()))}.");
        var method = SparsificationMethods.Parse(name, SparsificationMethods.WithoutTraining);
        var output = options.Get("--out") ?? throw new ArgumentException("Name the output file with --out order.tsv.");
        var tieRule = TieRuleOption(options.Get("--tie-rule"), method, name);
        if (options.Has("--seed") && !method.IsSeeded())
            throw new ArgumentException($"--seed applies to random and spectral only; {name} is deterministic.");
        var seed = options.GetInt("--seed", 0);
        if (File.Exists(output) && !options.Has("--force"))
            throw new IOException($"{output} exists; pass --force to overwrite it.");
        var graph = ReadGraph(file);
        Console.WriteLine($"{Path.GetFileName(file)}: {graph.VertexCount} vertices, {graph.EdgeCount} edges; computing the {name} order.");
        var clock = Stopwatch.StartNew();
        var order = method.Order(graph, seed, tieRule, new PercentProgress(clock));
        Write(order, output);
        Console.WriteLine($"Wrote {order.Count} edges ({order.Method}) to {output} in {clock.Elapsed.TotalSeconds:0.0} s.");
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
