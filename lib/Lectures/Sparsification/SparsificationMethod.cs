using Lectures.Graphs;

namespace Lectures.Sparsification;

/// <summary>The edge-removal methods of the kit: (L-1)-WIS for L = 2, 3, 4, the random and spectral baselines, and UGS.</summary>
public enum SparsificationMethod
{
    /// <summary>1-WIS: the efficient depth-2 Walk Index Sparsification (<see cref="OneWalkIndexSparsifier"/>).</summary>
    OneWis,

    /// <summary>2-WIS: exact greedy Walk Index Sparsification for depth L = 3 (<see cref="WalkIndexSparsifier"/>).</summary>
    TwoWis,

    /// <summary>3-WIS: exact greedy Walk Index Sparsification for depth L = 4 (<see cref="WalkIndexSparsifier"/>).</summary>
    ThreeWis,

    /// <summary>Random: a seeded uniform shuffle of the edges (<see cref="RandomSparsifier"/>).</summary>
    Random,

    /// <summary>Spectral: effective-resistance sampling (Spielman–Srivastava), low resistance first (<see cref="SpectralSparsifier"/>).</summary>
    Spectral,

    /// <summary>UGS: lottery-ticket edge masks trained with the GNN (UnifiedGraphSparsifier in Lectures.Torch).</summary>
    Ugs,
}

/// <summary>The names, the parsing and the removal orders of the <see cref="SparsificationMethod"/>s: the one map from a method's name to its order.</summary>
public static class SparsificationMethods
{
    /// <summary>The five methods the sparsification experiment compares, in the order its report lists them: 1-WIS, 2-WIS, random, spectral, UGS.</summary>
    public static IReadOnlyList<SparsificationMethod> Compared { get; } =
        [SparsificationMethod.OneWis, SparsificationMethod.TwoWis, SparsificationMethod.Random, SparsificationMethod.Spectral, SparsificationMethod.Ugs];

    /// <summary>The methods whose order needs no training, the ones <see cref="Order"/> computes: 1-WIS, 2-WIS, 3-WIS, random, spectral.</summary>
    public static IReadOnlyList<SparsificationMethod> WithoutTraining { get; } =
        [SparsificationMethod.OneWis, SparsificationMethod.TwoWis, SparsificationMethod.ThreeWis, SparsificationMethod.Random, SparsificationMethod.Spectral];

    /// <summary>The name used in tables and charts: 1-WIS, 2-WIS, 3-WIS, random, spectral, UGS.</summary>
    public static string Name(this SparsificationMethod method) => method switch
    {
        SparsificationMethod.OneWis => "1-WIS",
        SparsificationMethod.TwoWis => "2-WIS",
        SparsificationMethod.ThreeWis => "3-WIS",
        SparsificationMethod.Random => "random",
        SparsificationMethod.Spectral => "spectral",
        SparsificationMethod.Ugs => "UGS",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"Unknown sparsification method {method}."),
    };

    /// <summary>
    /// The method of <paramref name="among"/> (default: all) whose <see cref="Name"/> is <paramref name="name"/>, ignoring
    /// case ("1-wis" and "1-WIS" are 1-WIS); an unknown name throws an ArgumentException listing the known ones in lower case.
    /// </summary>
    public static SparsificationMethod Parse(string name, IReadOnlyList<SparsificationMethod>? among = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        among ??= Enum.GetValues<SparsificationMethod>();
        foreach (var method in among)
            if (string.Equals(method.Name(), name, StringComparison.OrdinalIgnoreCase))
                return method;
        throw new ArgumentException($"Unknown method '{name}'. Known: {string.Join(", ", among.Select(m => m.Name().ToLowerInvariant()))}.", nameof(name));
    }

    /// <summary>Whether the order depends on the seed (random, spectral, UGS) or is one order for all seeds (the WIS methods).</summary>
    public static bool IsSeeded(this SparsificationMethod method) =>
        method is not (SparsificationMethod.OneWis or SparsificationMethod.TwoWis or SparsificationMethod.ThreeWis);

    /// <summary>
    /// The full removal order of <paramref name="graph"/> by a method that needs no training: 1-WIS (ties by
    /// <paramref name="tieRule"/>, default the smallest edge), 2-WIS and 3-WIS (default the largest edge), random and
    /// spectral with <paramref name="seed"/>. UGS trains a GNN for its order: UnifiedGraphSparsifier.Order in Lectures.Torch.
    /// </summary>
    public static RemovalOrder Order(this SparsificationMethod method, Graph graph, int seed, TieRule? tieRule = null, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (tieRule is not null && method.IsSeeded())
            throw new ArgumentException($"A tie rule applies to the WIS methods only, not to {method.Name()}.", nameof(tieRule));
        return method switch
        {
            SparsificationMethod.OneWis => OneWalkIndexSparsifier.Order(graph, tieRule ?? TieRule.SmallestEdge, progress),
            SparsificationMethod.TwoWis => WalkIndexSparsifier.Order(graph, 3, tieRule ?? TieRule.LargestEdge, progress: progress),
            SparsificationMethod.ThreeWis => WalkIndexSparsifier.Order(graph, 4, tieRule ?? TieRule.LargestEdge, progress: progress),
            SparsificationMethod.Random => RandomSparsifier.Order(graph, seed),
            SparsificationMethod.Spectral => SpectralSparsifier.Order(graph, seed, progress),
            SparsificationMethod.Ugs => throw new ArgumentException(
                "UGS trains a GNN for its removal order: call UnifiedGraphSparsifier.Order (Lectures.Torch) with the task, model and training options.", nameof(method)),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"Unknown sparsification method {method}."),
        };
    }
}
