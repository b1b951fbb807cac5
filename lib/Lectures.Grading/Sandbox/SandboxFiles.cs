namespace Lectures.Grading.Sandbox;

/// <summary>What a worker reports as the files a notebook wrote: what is left in its working folder when its cells are done.</summary>
public static class SandboxFiles
{
    /// <summary>The most entries the scan lists (and looks at): a folder of a million files costs no more than this.</summary>
    public const int MaxEntries = 1000;

    /// <summary>
    /// Every file, folder and link under <paramref name="root"/>, as paths relative to it in ordinal order, at most
    /// <see cref="MaxEntries"/>. Symbolic links are listed, never followed, so links such as <c>a -&gt; .</c> cannot
    /// make the scan loop.
    /// </summary>
    public static IReadOnlyList<string> Scan(string root)
    {
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true, RecurseSubdirectories = false };
        var found = new List<string>();
        var folders = new Queue<DirectoryInfo>([new DirectoryInfo(root)]);
        while (found.Count < MaxEntries && folders.TryDequeue(out var folder))
            foreach (var entry in folder.EnumerateFileSystemInfos("*", options))
            {
                found.Add(Path.GetRelativePath(root, entry.FullName));
                if (entry is DirectoryInfo inner && entry.LinkTarget is null) folders.Enqueue(inner);
                if (found.Count == MaxEntries) break;
            }
        return found.Order(StringComparer.Ordinal).ToList();
    }
}
