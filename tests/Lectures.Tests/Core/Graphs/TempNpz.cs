using System.IO.Compression;
using System.Text;

namespace Lectures.Tests.Core.Graphs;

/// <summary>An .npz archive of the given .npy arrays in the temporary directory, deleted on Dispose; <see cref="Npy"/> writes one array.</summary>
sealed class TempNpz : IDisposable
{
    public TempNpz(Dictionary<string, byte[]> arrays)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"lectures-{Guid.NewGuid():N}.npz");
        using var zip = ZipFile.Open(Path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in arrays)
        {
            using var s = zip.CreateEntry(name + ".npy").Open();
            s.Write(bytes);
        }
    }

    public string Path { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public void Dispose() => File.Delete(Path);

    /// <summary>The .npy bytes (format 1.0) of <paramref name="data"/> with dtype <paramref name="descr"/> and shape <paramref name="shape"/>.</summary>
    public static byte[] Npy<T>(string descr, string shape, T[] data) where T : unmanaged
    {
        var header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        header = header.PadRight(64 - 10 - 1) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange("NUMPY"u8.ToArray());
        bytes.AddRange([1, 0, (byte)header.Length, 0]);
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        bytes.AddRange(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()).ToArray());
        return bytes.ToArray();
    }
}
