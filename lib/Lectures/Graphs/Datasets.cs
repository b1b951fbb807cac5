using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Lectures.Graphs;

/// <summary>
/// Finds, downloads and loads the external datasets. Search order for a file: the directory named by the
/// environment variable LECTURES_DATASETS, then ../shared/datasets beside the repository root (the folder holding
/// Lectures.sln, found by walking up from the current directory and from the application's directory), then the
/// user cache ~/.cache/lectures; when none holds it, <see cref="CoraOrFallback(int, bool)"/> and <see cref="FetchCora"/>
/// download it into the cache, checking its SHA-256.
/// </summary>
public static class Datasets
{
    /// <summary>The environment variable naming a directory to search first.</summary>
    public const string EnvironmentVariable = "LECTURES_DATASETS";

    /// <summary>The environment variable that replaces <see cref="CoraUrl"/> as the download source (a mirror).</summary>
    public const string CoraUrlVariable = "LECTURES_CORA_URL";

    /// <summary>The file name of the Cora citation graph.</summary>
    public const string CoraFileName = "cora.npz";

    /// <summary>The public source of cora.npz: the gnn-benchmark collection (Shchur et al. 2018) on GitHub.</summary>
    public const string CoraUrl = "https://raw.githubusercontent.com/shchur/gnn-benchmark/master/data/npz/cora.npz";

    /// <summary>The SHA-256 of the gnn-benchmark cora.npz (540,580 bytes); a download with another hash is refused.</summary>
    public const string CoraSha256 = "068e22d90c3849b4057dfb05851741428992af058efcd4e7ebb4186f3d581de2";

    /// <summary>How long a download may take to connect before it is given up (then the lectures use the stand-in).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The download source of Cora: the URL in LECTURES_CORA_URL when set, else <see cref="CoraUrl"/>.</summary>
    public static Uri CoraSource =>
        new(Environment.GetEnvironmentVariable(CoraUrlVariable) is { Length: > 0 } url ? url : CoraUrl);

    /// <summary>The directories searched, in order (those that cannot be determined are left out).</summary>
    public static IReadOnlyList<string> SearchDirectories()
    {
        var dirs = new List<string>();
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env) dirs.Add(Path.GetFullPath(env));
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            if (KitRoot.Above(start) is { } root)
                dirs.Add(Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets")));
        dirs.Add(CacheDirectory);
        return dirs.Distinct().ToList();
    }

    /// <summary>The user cache directory for downloads: ~/.cache/lectures.</summary>
    public static string CacheDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "lectures");

    /// <summary>
    /// The Cora citation graph (2708 vertices, 5278 undirected edges, 1433 binary features, 7 classes) from the
    /// first search directory holding cora.npz. With download = true and no local copy, it is fetched from
    /// <see cref="CoraSource"/> into the cache (SHA-256 checked), reporting the fraction done to progress;
    /// otherwise a missing file is a FileNotFoundException listing every place searched.
    /// </summary>
    public static Graph Cora(bool download = false, IProgress<double>? progress = null, TimeSpan? timeout = null) =>
        Load(CoraFileName, SearchDirectories(), download ? CoraSource : null, progress, timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>
    /// The path of cora.npz: the first local copy, else a download from <see cref="CoraSource"/> into the cache
    /// (SHA-256 checked). A failed download is a FileNotFoundException saying what failed.
    /// </summary>
    public static string FetchCora(IProgress<double>? progress = null) =>
        FindOrDownload(CoraFileName, SearchDirectories(), CoraSource, progress, TimeSpan.FromSeconds(60))!;

    /// <summary>
    /// Cora when it is found locally or (with <paramref name="download"/>) can be downloaded: one attempt per
    /// process, giving up after <see cref="ConnectTimeout"/> without a connection. Otherwise
    /// <see cref="GraphFamilies.CitationLike"/> with the seed, marked as a stand-in: its
    /// <see cref="LoadedGraph.Banner"/> says what differs and how to get the real data.
    /// </summary>
    public static LoadedGraph CoraOrFallback(int fallbackSeed = 0, bool download = true) =>
        CoraOrFallback(SearchDirectories(), download ? CoraSource : null, fallbackSeed);

    internal static LoadedGraph CoraOrFallback(IReadOnlyList<string> directories, Uri? source, int fallbackSeed)
    {
        string reason;
        try
        {
            var path = FindOrDownload(CoraFileName, directories, source, null, TimeSpan.FromSeconds(60));
            var cora = CitationGraphReader.Read(path!);
            return new LoadedGraph(cora, $"{Describe(path!)}: {cora}.");
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            reason = e.Message;
        }
        var graph = GraphFamilies.CitationLike(fallbackSeed);
        return new LoadedGraph(graph,
            $"Stand-in for Cora: the citation-like stochastic block model (seed {fallbackSeed}): {graph}. {reason}",
            StandInReason: reason);
    }

    /// <summary>
    /// What the file <paramref name="path"/> is and where it was found, without the machine's path (notebooks print it):
    /// "Cora (gnn-benchmark cora.npz, SHA-256 068e22d9…) from the kit's data folder ../shared/datasets". A file whose
    /// SHA-256 is not <see cref="CoraSha256"/> is named by its own hash; the folder is the kit's data folder, the folder
    /// named by LECTURES_DATASETS, the download cache ~/.cache/lectures, or "a local folder".
    /// </summary>
    public static string Describe(string path)
    {
        var sha256 = Sha256(path);
        var file = sha256 == CoraSha256
            ? $"gnn-benchmark {CoraFileName}, SHA-256 {sha256[..8]}…"
            : $"{Path.GetFileName(path)}, SHA-256 {sha256[..8]}…, not the gnn-benchmark file";
        return $"Cora ({file}) from {FolderName(Path.GetDirectoryName(Path.GetFullPath(path))!)}";
    }

    /// <summary>The kind of folder <paramref name="directory"/> is among the places <see cref="SearchDirectories"/> lists.</summary>
    static string FolderName(string directory)
    {
        static bool Same(string a, string b) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)) == Path.TrimEndingDirectorySeparator(b);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env && Same(env, directory))
            return $"the folder named by {EnvironmentVariable}";
        if (Same(CacheDirectory, directory)) return "the download cache ~/.cache/lectures";
        if (Path.GetFileName(directory) == "datasets" && Path.GetFileName(Path.GetDirectoryName(directory)) == "shared")
            return "the kit's data folder ../shared/datasets";
        return "a local folder";
    }

    /// <summary>
    /// The labelled graph named by <paramref name="dataset"/>: "cora" (searched as <see cref="Cora"/> does),
    /// "citation-like" (<see cref="GraphFamilies.CitationLike"/> with seed 0), or a path to an .npz citation graph. It must
    /// carry vertex features and labels (vertex classification needs them); an unknown name is an ArgumentException.
    /// </summary>
    public static LoadedGraph ByName(string dataset)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        LoadedGraph loaded = dataset.ToLowerInvariant() switch
        {
            "cora" => new LoadedGraph(Cora(), "Cora (the shared cora.npz)"),
            "citation-like" => new LoadedGraph(GraphFamilies.CitationLike(0), "The citation-like stochastic block model (Cora's sizes, seed 0)"),
            _ when File.Exists(dataset) => new LoadedGraph(CitationGraphReader.Read(dataset), $"The graph in {dataset}"),
            _ => throw new ArgumentException($"Unknown dataset '{dataset}': expected \"cora\", \"citation-like\" or the path of an existing .npz file.", nameof(dataset)),
        };
        var g = loaded.Graph;
        if (g.Features is null || g.Labels is null)
            throw new ArgumentException($"The dataset '{dataset}' ({g}) lacks {(g.Features is null ? "vertex features" : "vertex labels")}, which vertex classification needs.", nameof(dataset));
        return loaded with { Description = $"{loaded.Description}: {g}." };
    }

    /// <summary>The graph in <paramref name="fileName"/> from the first directory holding it, downloading from <paramref name="source"/> into the last directory when given.</summary>
    internal static Graph Load(string fileName, IReadOnlyList<string> directories, Uri? source, IProgress<double>? progress, TimeSpan timeout) =>
        CitationGraphReader.Read(FindOrDownload(fileName, directories, source, progress, timeout)!);

    /// <summary>
    /// The first path directory/fileName that exists; else, with a source, the file downloaded into the last
    /// directory (its SHA-256 must be <see cref="CoraSha256"/> when the file is cora.npz); else a
    /// FileNotFoundException naming every place searched.
    /// </summary>
    internal static string? FindOrDownload(string fileName, IReadOnlyList<string> directories, Uri? source,
        IProgress<double>? progress, TimeSpan timeout)
    {
        if (Find(fileName, directories) is { } found) return found;
        if (source is not null)
            return Download(source, Path.Combine(directories[^1], fileName),
                fileName == CoraFileName ? CoraSha256 : null, progress, timeout);
        throw new FileNotFoundException(
            $"{fileName} was not found. Looked in: {string.Join("; ", directories.Select(d => Path.Combine(d, fileName)))}. " +
            $"Set {EnvironmentVariable} to a directory holding it, or run `lectures data` to download it from its public source.",
            fileName);
    }

    private static string? Find(string fileName, IEnumerable<string> directories) =>
        directories.Select(d => Path.Combine(d, fileName)).FirstOrDefault(File.Exists);

    // Downloads that failed in this process, by source and target: each is tried once, so a notebook that asks
    // twice (or two notebooks in one kernel) waits for the connect timeout only once.
    private static readonly ConcurrentDictionary<(Uri, string), string> FailedDownloads = new();

    private static string Download(Uri source, string target, string? sha256, IProgress<double>? progress, TimeSpan timeout)
    {
        if (FailedDownloads.TryGetValue((source, target), out var failure))
            throw new FileNotFoundException($"{failure} (not retried in this process)", target);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".part";
        try
        {
            using var handler = new SocketsHttpHandler { ConnectTimeout = ConnectTimeout };
            using var client = new HttpClient(handler) { Timeout = timeout };
            using var response = client.Send(new HttpRequestMessage(HttpMethod.Get, source), HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var total = response.Content.Headers.ContentLength;
            using (var input = response.Content.ReadAsStream())
            using (var output = File.Create(partial))
            {
                var buffer = new byte[1 << 16];
                long done = 0;
                for (int k; (k = input.Read(buffer)) > 0;)
                {
                    output.Write(buffer, 0, k);
                    done += k;
                    if (total > 0) progress?.Report((double)done / total.Value);
                }
            }
            if (sha256 is not null && Sha256(partial) is var actual && actual != sha256)
                throw new InvalidDataException(
                    $"The file downloaded from {source} has SHA-256 {actual}, not the pinned {sha256} of the public " +
                    $"{Path.GetFileName(target)}; it was not kept. Check {CoraUrlVariable} or the network's proxy.");
            File.Move(partial, target, overwrite: true);
            progress?.Report(1.0);
            return target;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or InvalidDataException)
        {
            File.Delete(partial);
            var message = e is InvalidDataException ? e.Message : $"Downloading {source} to {target} failed: {e.Message}";
            FailedDownloads[(source, target)] = message;
            throw e is InvalidDataException ? new InvalidDataException(message, e) : new FileNotFoundException(message, target, e);
        }
    }

    /// <summary>The SHA-256 of a file, as 64 lower-case hex digits.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
