namespace Lectures.Graphs;

/// <summary>
/// Finds and loads the external datasets. Search order for a file: the directory named by the environment
/// variable LECTURES_DATASETS, then ../shared/datasets beside the repository root (the folder holding
/// Lectures.sln, found by walking up from the current directory and from the application's directory), then
/// the user cache ~/.cache/lectures. Downloads happen only when asked for.
/// </summary>
public static class Datasets
{
    /// <summary>The environment variable naming a directory to search first.</summary>
    public const string EnvironmentVariable = "LECTURES_DATASETS";

    /// <summary>The file name of the Cora citation graph.</summary>
    public const string CoraFileName = "cora.npz";

    /// <summary>The public source of cora.npz: the gnn-benchmark collection (Shchur et al. 2018) on GitHub.</summary>
    public const string CoraUrl = "https://raw.githubusercontent.com/shchur/gnn-benchmark/master/data/npz/cora.npz";

    /// <summary>The directories searched, in order (those that cannot be determined are left out).</summary>
    public static IReadOnlyList<string> SearchDirectories()
    {
        var dirs = new List<string>();
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env) dirs.Add(Path.GetFullPath(env));
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            if (FindRepositoryRoot(start) is { } root)
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
    /// <see cref="CoraUrl"/> into the cache, reporting the fraction done to progress; otherwise a missing file is a
    /// FileNotFoundException listing every place searched.
    /// </summary>
    public static Graph Cora(bool download = false, IProgress<double>? progress = null, TimeSpan? timeout = null) =>
        Load(CoraFileName, SearchDirectories(), download ? new Uri(CoraUrl) : null, progress, timeout ?? TimeSpan.FromSeconds(30));

    /// <summary>Cora when it can be found locally, else <see cref="Graphs.CitationLike"/> with the seed; the description says which.</summary>
    public static LoadedGraph CoraOrFallback(int fallbackSeed = 0)
    {
        var directories = SearchDirectories();
        if (Find(CoraFileName, directories) is { } path)
        {
            var cora = CitationGraphReader.Read(path);
            return new LoadedGraph(cora, $"Cora from {path}: {cora}.");
        }
        var graph = Graphs.CitationLike(fallbackSeed);
        return new LoadedGraph(graph,
            $"Cora not found (looked in {string.Join("; ", directories)}); using the citation-like stochastic block model (seed {fallbackSeed}): {graph}.");
    }

    /// <summary>The graph in <paramref name="fileName"/> from the first directory holding it, downloading from <paramref name="source"/> into the last directory when given.</summary>
    internal static Graph Load(string fileName, IReadOnlyList<string> directories, Uri? source, IProgress<double>? progress, TimeSpan timeout)
    {
        var path = Find(fileName, directories);
        if (path is null && source is not null) path = Download(source, Path.Combine(directories[^1], fileName), progress, timeout);
        return path is not null
            ? CitationGraphReader.Read(path)
            : throw new FileNotFoundException(
                $"{fileName} was not found. Looked in: {string.Join("; ", directories.Select(d => Path.Combine(d, fileName)))}. " +
                $"Set {EnvironmentVariable} to a directory holding it, or call with download: true to fetch it from its public source.",
                fileName);
    }

    private static string? Find(string fileName, IEnumerable<string> directories) =>
        directories.Select(d => Path.Combine(d, fileName)).FirstOrDefault(File.Exists);

    /// <summary>The nearest directory at or above <paramref name="start"/> that holds Lectures.sln, or null.</summary>
    internal static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lectures.sln"))) return dir.FullName;
        return null;
    }

    private static string Download(Uri source, string target, IProgress<double>? progress, TimeSpan timeout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".part";
        try
        {
            using var client = new HttpClient { Timeout = timeout };
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
            File.Move(partial, target, overwrite: true);
            progress?.Report(1.0);
            return target;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            File.Delete(partial);
            throw new FileNotFoundException($"Downloading {source} to {target} failed: {e.Message}", target, e);
        }
    }
}
