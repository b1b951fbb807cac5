using System.Globalization;
using System.IO.Compression;

namespace Lectures.Data;

/// <summary>
/// The UCI "Optical Recognition of Handwritten Digits" set (Alpaydin and Kaynak, 1998, CC BY 4.0): 1797 images of
/// 8x8 pixels with values 0..16, 10 classes. Pixels are scaled to [0, 1] as value / 16.
/// </summary>
public static class Digits
{
    /// <summary>Pixels per image (8 x 8).</summary>
    public const int PixelCount = 64;

    /// <summary>The number of classes (digits 0..9).</summary>
    public const int ClassCount = 10;

    /// <summary>The largest raw pixel value; pixels are divided by it.</summary>
    public const int MaxPixel = 16;

    const string ResourceName = "Lectures.Data.digits.csv.gz";

    /// <summary>The copy shipped inside the kit (1797 images), so no file is needed.</summary>
    public static LabelledImages Load()
    {
        using var stream = typeof(Digits).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(Digits).Assembly.GetName().Name}.");
        return Read(stream, "the embedded digits.csv.gz", gzip: true);
    }

    /// <summary>
    /// Reads a digits file: CSV with no header, one image per line, 64 pixel values 0..16 then the label 0..9;
    /// gzip-compressed when the name ends in .gz.
    /// </summary>
    public static LabelledImages Load(string path)
    {
        DataFile.RequireExists(path, "digits CSV");
        using var stream = File.OpenRead(path);
        return Read(stream, path, gzip: path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase));
    }

    static LabelledImages Read(Stream raw, string name, bool gzip)
    {
        using var stream = gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var reader = new StreamReader(stream);
        var inputs = new List<double[]>();
        var labels = new List<int>();
        string? line;
        var lineNumber = 0;
        while ((line = ReadLine(reader, name)) is not null)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != PixelCount + 1)
                throw DataFile.Malformed(name, $"line {lineNumber} has {fields.Length} values; expected {PixelCount} pixels and a label");
            var pixels = new double[PixelCount];
            for (var j = 0; j < PixelCount; j++)
            {
                var v = ParseInt(fields[j], name, lineNumber, $"pixel {j}");
                if (v < 0 || v > MaxPixel)
                    throw DataFile.Malformed(name, $"line {lineNumber}, pixel {j} is {v}; expected 0..{MaxPixel}");
                pixels[j] = v / (double)MaxPixel;
            }
            var label = ParseInt(fields[PixelCount], name, lineNumber, "the label");
            if (label < 0 || label >= ClassCount)
                throw DataFile.Malformed(name, $"line {lineNumber} has label {label}, out of range; expected a digit 0..{ClassCount - 1}");
            inputs.Add(pixels);
            labels.Add(label);
        }
        if (inputs.Count == 0)
            throw DataFile.Malformed(name, "it contains no images");
        return new LabelledImages(inputs.ToArray(), labels.ToArray(), ClassCount);
    }

    static string? ReadLine(StreamReader reader, string name)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (InvalidDataException e)
        {
            throw DataFile.Malformed(name, $"it is not a readable gzip file ({e.Message})");
        }
    }

    static int ParseInt(string field, string name, int lineNumber, string what) =>
        int.TryParse(field.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw DataFile.Malformed(name, $"line {lineNumber}, {what} is '{field}'; expected an integer");
}
