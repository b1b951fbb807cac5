using System.IO.Compression;

namespace Lectures.Graphs;

/// <summary>A NumPy .npz archive (a zip of .npy arrays, no pickled objects), read fully into memory.</summary>
public sealed class NpzArchive
{
    private readonly Dictionary<string, NpyArray> arrays;

    private NpzArchive(string file, Dictionary<string, NpyArray> arrays)
    {
        File = file;
        this.arrays = arrays;
    }

    /// <summary>The file name the archive was read from (used in error messages).</summary>
    public string File { get; }

    /// <summary>The names of the arrays in the archive.</summary>
    public IReadOnlyCollection<string> Names => arrays.Keys;

    /// <summary>Reads every .npy entry of the .npz file at <paramref name="path"/>.</summary>
    public static NpzArchive Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!System.IO.File.Exists(path))
            throw new FileNotFoundException($"NumPy archive '{path}' does not exist.", path);
        var file = Path.GetFileName(path);
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new GraphFormatException(file, 0, $"not a NumPy .npz archive (not a zip file: {e.Message}).");
        }
        using (zip)
        {
            var arrays = new Dictionary<string, NpyArray>();
            foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".npy", StringComparison.Ordinal)))
            {
                var name = entry.FullName[..^4];
                using var stream = entry.Open();
                arrays[name] = NpyArray.Read(stream, name, file);
            }
            return new NpzArchive(file, arrays);
        }
    }

    /// <summary>The array called <paramref name="name"/>; a missing array is an error that lists the ones present.</summary>
    public NpyArray this[string name] => arrays.TryGetValue(name, out var a)
        ? a
        : throw new GraphFormatException(File, 0, $"the archive has no array '{name}' (it has: {string.Join(", ", arrays.Keys.Order())}).");

    /// <summary>Whether the archive has an array called <paramref name="name"/>.</summary>
    public bool Contains(string name) => arrays.ContainsKey(name);
}
