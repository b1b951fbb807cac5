namespace Lectures.Torch.Experiments;

public sealed partial class RunJournal
{
    /// <summary>
    /// Joins the run directories of the shards 1/N, ..., N/N of one experiment (each complete, <see cref="Shard"/>) into
    /// <paramref name="target"/>: the result file holds the shards' rows in shard order (that is, grid order) and the .runs
    /// file their settings and runs, marked complete, as an unsharded run writes them. Files beside them that every shard
    /// wrote (e.g. pretrained.lm) are copied once. Refuses, naming the difference, shards of other settings or result
    /// files, a missing, repeated or unfinished shard, a copied file that differs, and a <paramref name="target"/> that
    /// already holds files. Returns the number of runs.
    /// </summary>
    public static int Merge(IReadOnlyList<string> shards, string target)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (shards.Count == 0) throw new ArgumentException("Name the shards' directories to merge.", nameof(shards));
        if (System.IO.Directory.Exists(target) && System.IO.Directory.EnumerateFileSystemEntries(target).Any())
            throw new IOException($"Cannot merge into {target}: it already holds files. Choose a new directory.");
        var read = shards.Select(ReadShard).ToList();
        var first = read[0];
        foreach (var other in read.Skip(1))
        {
            if (other.RunsName != first.RunsName)
                throw new InvalidDataException($"Cannot merge: {first.Directory} holds {first.RunsName} but {other.Directory} holds {other.RunsName}.");
            var differences = first.Settings.Keys.Union(other.Settings.Keys)
                .Where(name => first.Settings.GetValueOrDefault(name) != other.Settings.GetValueOrDefault(name))
                .Select(name => $"{name}: {first.Settings.GetValueOrDefault(name) ?? "(not recorded)"} in {first.Directory}, " +
                                $"{other.Settings.GetValueOrDefault(name) ?? "(not recorded)"} in {other.Directory}").ToList();
            if (differences.Count > 0)
                throw new InvalidDataException($"Cannot merge shards run with other settings:\n  {string.Join("\n  ", differences)}");
        }
        var count = first.Shard.Count;
        var byIndex = read.GroupBy(s => s.Shard.Index).ToDictionary(g => g.Key, g => g.ToList());
        if (read.FirstOrDefault(s => s.Shard.Count != count) is { } odd)
            throw new InvalidDataException($"Cannot merge: {first.Directory} is shard {first.Shard} but {odd.Directory} is shard {odd.Shard}.");
        if (byIndex.FirstOrDefault(g => g.Value.Count > 1) is { Value: not null } twice)
            throw new InvalidDataException($"Cannot merge: shard {twice.Value[0].Shard} is given twice ({string.Join(", ", twice.Value.Select(s => s.Directory))}).");
        var missing = Enumerable.Range(1, count).Where(k => !byIndex.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"Cannot merge: shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(k => $"{k}/{count}"))} missing.");
        var ordered = read.OrderBy(s => s.Shard.Index).ToList();
        var sideFiles = ordered.SelectMany(s => s.SideFiles).Distinct().ToList();
        foreach (var name in sideFiles)
        {
            var copies = ordered.Select(s => Path.Combine(s.Directory, name)).ToList();
            if (copies.FirstOrDefault(c => !File.Exists(c) || !File.ReadAllBytes(c).AsSpan().SequenceEqual(File.ReadAllBytes(copies[0]))) is { } differs)
                throw new InvalidDataException($"Cannot merge: {differs} differs from {copies[0]} (or is missing).");
        }

        System.IO.Directory.CreateDirectory(target);
        var resultName = Path.ChangeExtension(first.RunsName, null) + first.ResultExtension;
        WriteAtomically(Path.Combine(target, resultName),
            (first.Header is null ? "" : first.Header + "\n") + string.Concat(ordered.SelectMany(s => s.Rows).Select(r => r + "\n")));
        WriteAtomically(Path.Combine(target, first.RunsName), string.Concat(first.Preamble.Select(l => l + "\n"))
            + string.Concat(ordered.SelectMany(s => s.Runs).Select(r => $"{RunTag}\t{r.Key}\t{r.Count}\t{r.Extra}\n")) + CompleteTag + "\n");
        foreach (var name in sideFiles) File.Copy(Path.Combine(ordered[0].Directory, name), Path.Combine(target, name));
        return ordered.Sum(s => s.Runs.Count);
    }

    sealed record ShardFolder(string Directory, string RunsName, string ResultExtension, string? Header, IReadOnlyList<string> Preamble,
        IReadOnlyDictionary<string, string> Settings, Shard Shard, IReadOnlyList<(string Key, int Count, string Extra)> Runs,
        IReadOnlyList<string> Rows, IReadOnlyList<string> SideFiles);

    /// <summary>A finished shard's directory: its .runs file (one), settings, shard line, runs in file order and result rows.</summary>
    static ShardFolder ReadShard(string directory)
    {
        if (!System.IO.Directory.Exists(directory)) throw new DirectoryNotFoundException($"The shard directory {directory} does not exist.");
        var runsFiles = System.IO.Directory.GetFiles(directory, "*.runs");
        if (runsFiles.Length != 1)
            throw new InvalidDataException($"{directory} holds {runsFiles.Length} .runs files: expected the one of an experiment's run directory.");
        var runsPath = runsFiles[0];
        var lines = File.ReadAllLines(runsPath);
        var fields = lines.Select(l => l.Split('\t')).ToList();
        var shardField = fields.FirstOrDefault(f => f[0] == ShardTag && f.Length == 2)
            ?? throw new InvalidDataException($"{directory} is not a shard: {Path.GetFileName(runsPath)} has no shard line (run it with --shard K/N).");
        var shard = Shard.Parse(shardField[1]);
        if (!lines.Contains(CompleteTag))
            throw new InvalidDataException($"Cannot merge: shard {shard} in {directory} is not finished. Resume it first (--resume {directory} --shard {shard}).");
        var results = System.IO.Directory.GetFiles(directory, Path.GetFileNameWithoutExtension(runsPath) + ".*")
            .Where(p => p != runsPath && !p.EndsWith(".tmp", StringComparison.Ordinal)).ToList();
        if (results.Count != 1) throw new InvalidDataException($"{directory} holds {results.Count} result files beside {Path.GetFileName(runsPath)}: expected one.");
        var csv = File.ReadAllText(results[0]);
        var rows = csv.Split('\n')[..^1];
        var runs = fields.Where(f => f[0] == RunTag && f.Length == 4).Select(f => (Key: f[1], Count: int.Parse(f[2]), Extra: f[3])).ToDictionary(r => r.Key);
        var order = fields.LastOrDefault(f => f[0] == OrderTag) is { } o ? o[2..] : [.. runs.Keys];
        var header = results[0].EndsWith(".csv", StringComparison.Ordinal) ? rows[0] : null;
        var body = header is null ? rows : rows[1..];
        if (body.Length != runs.Values.Sum(r => r.Count))
            throw new InvalidDataException($"{results[0]} has {body.Length} rows but {runsPath} lists {runs.Values.Sum(r => r.Count)}.");
        var sideFiles = System.IO.Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>()
            .Where(n => n != Path.GetFileName(runsPath) && n != Path.GetFileName(results[0]) && !n.EndsWith(".tmp", StringComparison.Ordinal)).ToList();
        return new ShardFolder(directory, Path.GetFileName(runsPath), Path.GetExtension(results[0]), header,
            lines.TakeWhile(l => !l.StartsWith(RunTag + "\t", StringComparison.Ordinal) && !l.StartsWith(ShardTag + "\t", StringComparison.Ordinal)).ToList(),
            fields.Where(f => f[0] == SettingTag && f.Length == 3).ToDictionary(f => f[1], f => f[2]), shard,
            order.Select(k => runs[k]).ToList(), body, sideFiles);
    }
}
