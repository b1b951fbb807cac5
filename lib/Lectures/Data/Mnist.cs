using System.Buffers.Binary;
using System.IO.Compression;

namespace Lectures.Data;

/// <summary>
/// MNIST in its original IDX files (e.g. train-images-idx3-ubyte and train-labels-idx1-ubyte, optionally .gz),
/// found by path: 28x28 images with bytes 0..255 scaled to [0, 1] as value / 255, labels 0..9.
/// </summary>
public static class Mnist
{
    /// <summary>The number of classes (digits 0..9).</summary>
    public const int ClassCount = 10;

    const int ImagesMagic = 0x00000803;
    const int LabelsMagic = 0x00000801;

    /// <summary>
    /// Reads an IDX image file (magic 2051, count, rows, columns, then bytes) and an IDX label file (magic 2049,
    /// count, then bytes), keeping the first <paramref name="maxCount"/> images when given.
    /// </summary>
    public static LabelledImages Load(string imagesPath, string labelsPath, int? maxCount = null)
    {
        if (maxCount is < 1)
            throw new ArgumentException($"maxCount {maxCount} is invalid: expected at least 1 image.", nameof(maxCount));
        var images = ReadAll(imagesPath, "MNIST images (IDX)");
        var labels = ReadAll(labelsPath, "MNIST labels (IDX)");

        var imageCount = Header(images, imagesPath, ImagesMagic, 16);
        var rows = BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(8));
        var cols = BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(12));
        var labelCount = Header(labels, labelsPath, LabelsMagic, 8);
        if (rows < 1 || cols < 1)
            throw DataFile.Malformed(imagesPath, $"the image size is {rows} x {cols}; expected positive sizes");
        if (images.Length != 16 + (long)imageCount * rows * cols)
            throw DataFile.Malformed(imagesPath, $"it has {images.Length} bytes; the header promises 16 + {imageCount} x {rows} x {cols}");
        if (labels.Length != 8 + labelCount)
            throw DataFile.Malformed(labelsPath, $"it has {labels.Length} bytes; the header promises 8 + {labelCount}");
        if (imageCount != labelCount)
            throw new InvalidDataException($"{imagesPath} holds {imageCount} images but {labelsPath} holds {labelCount} labels: expected the same count.");

        var n = Math.Min(imageCount, maxCount ?? imageCount);
        var d = rows * cols;
        var inputs = new double[n][];
        var ys = new int[n];
        for (var i = 0; i < n; i++)
        {
            ys[i] = labels[8 + i];
            if (ys[i] >= ClassCount)
                throw DataFile.Malformed(labelsPath, $"label {i} is {ys[i]}, out of range; expected a digit 0..{ClassCount - 1}");
            var x = inputs[i] = new double[d];
            for (var j = 0; j < d; j++) x[j] = images[16 + (long)i * d + j] / 255.0;
        }
        return new LabelledImages(inputs, ys, ClassCount);
    }

    static byte[] ReadAll(string path, string what)
    {
        DataFile.RequireExists(path, what);
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return File.ReadAllBytes(path);
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        try
        {
            gz.CopyTo(buffer);
        }
        catch (InvalidDataException e)
        {
            throw DataFile.Malformed(path, $"it is not a readable gzip file ({e.Message})");
        }
        return buffer.ToArray();
    }

    static int Header(byte[] bytes, string path, int magic, int headerLength)
    {
        if (bytes.Length < headerLength)
            throw DataFile.Malformed(path, $"it has {bytes.Length} bytes, shorter than the {headerLength}-byte IDX header");
        var found = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (found != magic)
            throw DataFile.Malformed(path, $"its IDX magic number is {found}; expected {magic}");
        var count = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4));
        if (count < 1)
            throw DataFile.Malformed(path, $"its header gives {count} items; expected at least 1");
        return count;
    }
}
