using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Lectures.Graphs;

/// <summary>
/// One array from a NumPy .npy file: its dtype descriptor (e.g. "&lt;f4"), shape and C-order data. Supported
/// dtypes: f4, f8, i1, u1, i4, i8, b1 and little-endian unicode strings &lt;Un.
/// </summary>
public sealed partial class NpyArray
{
    private NpyArray(string name, string descr, int[] shape, Array data)
    {
        Name = name;
        Descr = descr;
        Shape = shape;
        Data = data;
    }

    /// <summary>The array's name (the entry name in an .npz without ".npy").</summary>
    public string Name { get; }

    /// <summary>The NumPy dtype descriptor, e.g. "&lt;f4", "|i1", "&lt;U22".</summary>
    public string Descr { get; }

    /// <summary>The shape; the product of the dimensions is the element count.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>The elements in C order: float[], double[], sbyte[], byte[], int[], long[], bool[] or string[].</summary>
    public Array Data { get; }

    /// <summary>Number of elements.</summary>
    public int Length => Data.Length;

    /// <summary>The elements as 32-bit integers (from i1, u1, i4 or i8; i8 values must fit).</summary>
    public int[] ToInt32(string file) => Data switch
    {
        int[] a => a,
        sbyte[] a => Array.ConvertAll(a, x => (int)x),
        byte[] a => Array.ConvertAll(a, x => (int)x),
        long[] a => Array.ConvertAll(a, x => x is >= int.MinValue and <= int.MaxValue
            ? (int)x
            : throw new GraphFormatException(file, 0, $"array '{Name}' holds {x}, which does not fit a 32-bit integer.")),
        _ => throw new GraphFormatException(file, 0, $"array '{Name}' has dtype {Descr}, expected an integer dtype."),
    };

    /// <summary>The elements as floats (from f4, f8 or an integer dtype).</summary>
    public float[] ToSingle(string file) => Data switch
    {
        float[] a => a,
        double[] a => Array.ConvertAll(a, x => (float)x),
        string[] or bool[] => throw new GraphFormatException(file, 0, $"array '{Name}' has dtype {Descr}, expected a numeric dtype."),
        _ => Array.ConvertAll(ToInt32(file), x => (float)x),
    };

    /// <summary>The elements as strings (from a unicode dtype &lt;Un).</summary>
    public string[] ToStrings(string file) => Data as string[]
        ?? throw new GraphFormatException(file, 0, $"array '{Name}' has dtype {Descr}, expected unicode strings (<Un).");

    /// <summary>Reads one .npy array (format versions 1, 2 and 3) from <paramref name="stream"/>; <paramref name="file"/> names it in errors.</summary>
    public static NpyArray Read(Stream stream, string name, string file)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var where = $"{file} ({name}.npy)";
        var preamble = ReadExactly(stream, 8, where);
        if (preamble[0] != 0x93 || Encoding.ASCII.GetString(preamble, 1, 5) != "NUMPY")
            throw new GraphFormatException(where, 0, "not a NumPy .npy array (bad magic bytes).");
        var major = preamble[6];
        var headerLength = major switch
        {
            1 => BinaryPrimitives.ReadUInt16LittleEndian(ReadExactly(stream, 2, where)),
            2 or 3 => checked((int)BinaryPrimitives.ReadUInt32LittleEndian(ReadExactly(stream, 4, where))),
            _ => throw new GraphFormatException(where, 0, $"unsupported .npy format version {major}."),
        };
        var header = Encoding.UTF8.GetString(ReadExactly(stream, headerLength, where));
        var descr = HeaderField(DescrPattern(), header, "descr", where);
        if (HeaderField(FortranPattern(), header, "fortran_order", where) == "True")
            throw new GraphFormatException(where, 0, "Fortran-order arrays are not supported.");
        var shapeText = HeaderField(ShapePattern(), header, "shape", where);
        var shape = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var count = shape.Aggregate(1L, (a, d) => a * d);
        if (count > int.MaxValue)
            throw new GraphFormatException(where, 0, $"array of shape ({shapeText}) is too large.");
        return new NpyArray(name, descr, shape, ReadData(stream, descr, (int)count, where));
    }

    private static Array ReadData(Stream stream, string descr, int count, string where)
    {
        if (descr.Length < 3 || descr[0] == '>')
            throw new GraphFormatException(where, 0, $"unsupported dtype '{descr}' (expected little-endian f4, f8, i1, u1, i4, i8, b1 or <Un).");
        var code = descr[1..];
        if (code[0] == 'U')
        {
            var width = int.Parse(code[1..], CultureInfo.InvariantCulture);
            var bytes = ReadExactly(stream, checked(count * width * 4), where);
            var strings = new string[count];
            for (var i = 0; i < count; i++)
                strings[i] = Encoding.UTF32.GetString(bytes, i * width * 4, width * 4).TrimEnd('\0');
            return strings;
        }
        return code switch
        {
            "f4" => Cast<float>(stream, count, where),
            "f8" => Cast<double>(stream, count, where),
            "i1" => Cast<sbyte>(stream, count, where),
            "u1" => Cast<byte>(stream, count, where),
            "b1" => Cast<bool>(stream, count, where),
            "i4" => Cast<int>(stream, count, where),
            "i8" => Cast<long>(stream, count, where),
            _ => throw new GraphFormatException(where, 0, $"unsupported dtype '{descr}' (expected f4, f8, i1, u1, i4, i8, b1 or <Un)."),
        };
    }

    // Little-endian data on a little-endian machine: the bytes are the values.
    private static T[] Cast<T>(Stream stream, int count, string where) where T : unmanaged
    {
        var result = new T[count];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.AsSpan());
        var read = 0;
        while (read < bytes.Length)
        {
            var k = stream.Read(bytes[read..]);
            if (k == 0)
                throw new GraphFormatException(where, 0, $"the data ends after {read} of {bytes.Length} bytes.");
            read += k;
        }
        return result;
    }

    private static byte[] ReadExactly(Stream stream, int length, string where)
    {
        var buffer = new byte[length];
        var read = 0;
        while (read < length)
        {
            var k = stream.Read(buffer, read, length - read);
            if (k == 0)
                throw new GraphFormatException(where, 0, $"the file ends after {read} of {length} expected bytes.");
            read += k;
        }
        return buffer;
    }

    private static string HeaderField(Regex pattern, string header, string key, string where)
    {
        var match = pattern.Match(header);
        return match.Success
            ? match.Groups[1].Value
            : throw new GraphFormatException(where, 0, $"the .npy header has no '{key}' entry: {header.Trim()}");
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
