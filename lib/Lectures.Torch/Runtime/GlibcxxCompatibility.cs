using System.Buffers.Binary;
using System.Text;

namespace Lectures.Torch.Runtime;

/// <summary>
/// The libstdc++ compatibility fix for TorchSharp-cpu 0.107 on systems whose libstdc++ predates GCC 13.
/// libLibTorchSharp.so asks for GLIBCXX_3.4.32 for one symbol only, _ZSt21ios_base_library_initv,
/// which no relocation uses. Two edits of the ELF file make the loader accept it:
/// the symbol's .gnu.version entry becomes 1 (global, unversioned) and the GLIBCXX_3.4.32
/// requirement in .gnu.version_r is marked VER_FLG_WEAK.
/// </summary>
public static class GlibcxxCompatibility
{
    /// <summary>The symbol version that Debian 12's libstdc++ (GCC 12) does not define.</summary>
    public const string MissingVersion = "GLIBCXX_3.4.32";

    /// <summary>The only symbol that asks for <see cref="MissingVersion"/>.</summary>
    public const string Symbol = "_ZSt21ios_base_library_initv";

    const uint ShtDynsym = 11;
    const uint ShtGnuVerneed = 0x6ffffffe;
    const uint ShtGnuVersym = 0x6fffffff;
    const ushort VerFlgWeak = 0x2;

    static readonly string[] LibStdCxxCandidates =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6", "/lib64/libstdc++.so.6",
    };

    /// <summary>
    /// True where the system libstdc++ lacks <see cref="MissingVersion"/> (the fix is needed),
    /// false where it has it or the platform is not Linux.
    /// </summary>
    public static bool IsNeeded()
    {
        if (!OperatingSystem.IsLinux()) return false;
        var lib = LibStdCxxCandidates.FirstOrDefault(File.Exists);
        if (lib is null) return true;
        return !ContainsAscii(File.ReadAllBytes(lib), MissingVersion);
    }

    /// <summary>How long <see cref="Patch(string)"/> waits for another process patching the same file.</summary>
    static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Applies the two edits to <paramref name="path"/> if they are not there yet.
    /// Returns true when this call changed the file, false when it was already compatible.
    /// Throws <see cref="InvalidDataException"/> naming the file when it is not the expected ELF layout.
    /// Safe for concurrent callers in several processes: the edit happens under the lock file
    /// <c><paramref name="path"/>.lock</c> (<see cref="LockFileName"/>), the edited copy is written to a name unique to the
    /// call and renamed over <paramref name="path"/>, so a reader sees either the old file or the whole new one.
    /// </summary>
    public static bool Patch(string path)
    {
        // Already patched (every run after the first): no lock, so a read-only copy that needs nothing still works.
        if (!NeedsPatch(path)) return false;
        using var held = FileLock.Acquire(LockFileName(path), LockTimeout);
        // Another process may have patched it while this one waited.
        var bytes = File.ReadAllBytes(path);
        if (!Patch(bytes, path)) return false;
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.patching";
        try
        {
            File.WriteAllBytes(temp, bytes);
            // A process that has the old file mapped keeps its consistent copy; the rename is atomic.
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        return true;
    }

    /// <summary>The lock file that serialises patching <paramref name="path"/> across processes: <c>path + ".lock"</c>.</summary>
    public static string LockFileName(string path) => path + ".lock";

    /// <summary>True when <paramref name="path"/> still needs the edits (it requires GLIBCXX_3.4.32 strictly).</summary>
    public static bool NeedsPatch(string path) => Patch(File.ReadAllBytes(path), path);

    /// <summary>Applies the edits to an in-memory ELF image; returns whether anything changed.</summary>
    internal static bool Patch(byte[] elf, string nameForErrors)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException($"{nameForErrors} is not an ELF file.");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException($"{nameForErrors} is not a little-endian 64-bit ELF file.");

        var sections = ReadSections(elf);
        var dynsym = sections.FirstOrDefault(s => s.Type == ShtDynsym);
        var versym = sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
        var verneed = sections.FirstOrDefault(s => s.Type == ShtGnuVerneed);
        if (dynsym is null || versym is null || verneed is null)
            throw new InvalidDataException($"{nameForErrors} has no .dynsym, .gnu.version or .gnu.version_r section.");

        var changed = false;
        var dynstr = sections[(int)dynsym.Link];
        var count = (int)(dynsym.Size / 24);
        for (var i = 0; i < count; i++)
        {
            var nameOffset = BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan((int)dynsym.Offset + 24 * i));
            if (ReadString(elf, dynstr.Offset + nameOffset) != Symbol) continue;
            var entry = elf.AsSpan((int)versym.Offset + 2 * i, 2);
            if (BinaryPrimitives.ReadUInt16LittleEndian(entry) != 1)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(entry, 1);
                changed = true;
            }
        }

        var verstr = sections[(int)verneed.Link];
        var need = verneed.Offset;
        for (var n = 0; n < verneed.Info; n++)
        {
            var cnt = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan((int)need + 2));
            var aux = need + BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan((int)need + 8));
            for (var a = 0; a < cnt; a++)
            {
                var name = ReadString(elf, verstr.Offset + BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan((int)aux + 8)));
                var flags = elf.AsSpan((int)aux + 4, 2);
                var value = BinaryPrimitives.ReadUInt16LittleEndian(flags);
                if (name == MissingVersion && (value & VerFlgWeak) == 0)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(flags, (ushort)(value | VerFlgWeak));
                    changed = true;
                }
                aux += BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan((int)aux + 12));
            }
            var next = BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan((int)need + 12));
            if (next == 0) break;
            need += next;
        }
        return changed;
    }

    sealed record Section(uint Type, long Offset, long Size, uint Link, uint Info);

    static List<Section> ReadSections(byte[] elf)
    {
        var shoff = (long)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28));
        var shentsize = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3A));
        var shnum = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3C));
        var list = new List<Section>(shnum);
        for (var i = 0; i < shnum; i++)
        {
            var h = elf.AsSpan((int)(shoff + i * shentsize), shentsize);
            list.Add(new Section(
                BinaryPrimitives.ReadUInt32LittleEndian(h[4..]),
                (long)BinaryPrimitives.ReadUInt64LittleEndian(h[0x18..]),
                (long)BinaryPrimitives.ReadUInt64LittleEndian(h[0x20..]),
                BinaryPrimitives.ReadUInt32LittleEndian(h[0x28..]),
                BinaryPrimitives.ReadUInt32LittleEndian(h[0x2C..])));
        }
        return list;
    }

    static string ReadString(byte[] elf, long offset)
    {
        var end = Array.IndexOf(elf, (byte)0, (int)offset);
        return Encoding.ASCII.GetString(elf, (int)offset, end - (int)offset);
    }

    static bool ContainsAscii(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;
}
