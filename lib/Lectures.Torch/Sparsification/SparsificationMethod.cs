using Lectures.Graphs;
using Lectures.Sparsification;

namespace Lectures.Torch.Sparsification;

/// <summary>The edge-removal methods compared in the sparsification experiment.</summary>
public enum SparsificationMethod
{
    /// <summary>1-WIS: the efficient depth-2 Walk Index Sparsification (<see cref="OneWalkIndexSparsifier"/>).</summary>
    OneWis,

    /// <summary>2-WIS: exact greedy Walk Index Sparsification for depth L = 3 (<see cref="WalkIndexSparsifier"/>).</summary>
    TwoWis,

    /// <summary>Random: a seeded uniform shuffle of the edges (<see cref="RandomSparsifier"/>).</summary>
    Random,

    /// <summary>Spectral: effective-resistance sampling (Spielman–Srivastava), low resistance first (<see cref="SpectralSparsifier"/>).</summary>
    Spectral,

    /// <summary>UGS: lottery-ticket edge masks trained with the GNN (<see cref="UnifiedGraphSparsifier"/>).</summary>
    Ugs,
}

/// <summary>Names and removal orders of the <see cref="SparsificationMethod"/>s.</summary>
public static class SparsificationMethods
{
    /// <summary>All five methods in the order the report lists them.</summary>
    public static IReadOnlyList<SparsificationMethod> All { get; } =
        [SparsificationMethod.OneWis, SparsificationMethod.TwoWis, SparsificationMethod.Random, SparsificationMethod.Spectral, SparsificationMethod.Ugs];

    /// <summary>The name used in tables and charts: 1-WIS, 2-WIS, random, spectral, UGS.</summary>
    public static string Name(this SparsificationMethod method) => method switch
    {
        SparsificationMethod.OneWis => "1-WIS",
        SparsificationMethod.TwoWis => "2-WIS",
        SparsificationMethod.Random => "random",
        SparsificationMethod.Spectral => "spectral",
        SparsificationMethod.Ugs => "UGS",
        _ => method.ToString(),
    };

    /// <summary>Whether the order depends on the seed (random, spectral, UGS) or is one order for all seeds (WIS).</summary>
    public static bool IsSeeded(this SparsificationMethod method) => method is not (SparsificationMethod.OneWis or SparsificationMethod.TwoWis);

    /// <summary>
    /// The full removal order of <paramref name="graph"/> by a method that needs no training (1-WIS, 2-WIS, random with
    /// the seed, spectral with the seed). UGS trains a GNN for its order: <see cref="UnifiedGraphSparsifier.Order"/>.
    /// </summary>
    public static RemovalOrder Order(this SparsificationMethod method, Graph graph, int seed, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return method switch
        {
            SparsificationMethod.OneWis => OneWalkIndexSparsifier.Order(graph, progress: progress),
            SparsificationMethod.TwoWis => WalkIndexSparsifier.Order(graph, depth: 3, progress: progress),
            SparsificationMethod.Random => RandomSparsifier.Order(graph, seed),
            SparsificationMethod.Spectral => SpectralSparsifier.Order(graph, seed, progress),
            SparsificationMethod.Ugs => throw new ArgumentException(
                "UGS trains a GNN for its removal order: call UnifiedGraphSparsifier.Order with the task, model and training options.", nameof(method)),
            _ => throw new ArgumentException($"Unknown sparsification method {method}.", nameof(method)),
        };
    }
}
