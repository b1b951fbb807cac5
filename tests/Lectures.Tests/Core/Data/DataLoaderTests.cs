using System.IO.Compression;
using Lectures.Data;

namespace Lectures.Tests.Core.Data;

public class DataLoaderTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("lectures-data-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void EmbeddedDigitsHaveTheUciCountsAndScaledPixels()
    {
        var digits = Digits.Load();
        Assert.Equal(1797, digits.Count);
        Assert.Equal(64, digits.Dimension);
        // Class sizes counted from the CSV with awk.
        int[] perClass = { 178, 182, 177, 183, 181, 182, 181, 179, 174, 180 };
        Assert.Equal(perClass, Enumerable.Range(0, 10).Select(c => digits.Labels.Count(y => y == c)).ToArray());
        // First line starts 0,0,5,13,9,1 and has label 0; raw pixels sum to 561718 over the file.
        Assert.Equal(new[] { 0, 0, 5 / 16.0, 13 / 16.0, 9 / 16.0, 1 / 16.0 }, digits.Inputs[0][..6]);
        Assert.Equal(0, digits.Labels[0]);
        Assert.Equal(561718, digits.Inputs.Sum(x => x.Sum()) * 16, 6);
    }

    [Fact]
    public void DigitsFromPathMatchTheEmbeddedCopy()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "../../../../../datasets/digits.csv.gz");
        var fromFile = Digits.Load(path);
        var embedded = Digits.Load();
        Assert.Equal(embedded.Labels, fromFile.Labels);
        Assert.Equal(embedded.Inputs[1796], fromFile.Inputs[1796]);
    }

    [Fact]
    public void DigitsErrorsNameTheFileAndTheProblem()
    {
        var missing = Path.Combine(dir, "nope.csv");
        Assert.Contains("nope.csv does not exist", Assert.Throws<FileNotFoundException>(() => Digits.Load(missing)).Message);

        var shortLine = Write("short.csv", string.Join(",", Enumerable.Repeat("0", 64)) + "\n");
        Assert.Contains("short.csv is malformed: line 1 has 64 values", Assert.Throws<InvalidDataException>(() => Digits.Load(shortLine)).Message);

        var badLabel = Write("label.csv", string.Join(",", Enumerable.Repeat("0", 64)) + ",12\n");
        Assert.Contains("line 1 has label 12, out of range; expected a digit 0..9", Assert.Throws<InvalidDataException>(() => Digits.Load(badLabel)).Message);

        var badPixel = Write("pixel.csv", "17," + string.Join(",", Enumerable.Repeat("0", 63)) + ",3\n");
        Assert.Contains("pixel 0 is 17; expected 0..16", Assert.Throws<InvalidDataException>(() => Digits.Load(badPixel)).Message);

        var notGzip = Write("plain.csv.gz", "hello");
        Assert.Contains("plain.csv.gz is malformed: it is not a readable gzip file", Assert.Throws<InvalidDataException>(() => Digits.Load(notGzip)).Message);
    }

    [Fact]
    public void MnistIdxFilesLoadScaledAndCheckTheirHeaders()
    {
        var images = WriteBytes("img.idx", Idx(2051, 2, 2, 3).Concat(new byte[] { 0, 51, 102, 153, 204, 255, 255, 0, 0, 0, 0, 0 }));
        var labels = WriteBytes("lab.idx.gz", Gzip(Idx(2049, 2).Concat(new byte[] { 7, 3 })));
        var mnist = Mnist.Load(images, labels);
        Assert.Equal(new[] { 7, 3 }, mnist.Labels);
        Assert.Equal(new[] { 0, 0.2, 0.4, 0.6, 0.8, 1.0 }, mnist.Inputs[0].Select(v => Math.Round(v, 12)));
        Assert.Equal(1, Mnist.Load(images, labels, maxCount: 1).Count);

        var badMagic = WriteBytes("magic.idx", Idx(2049, 2, 2, 3).Concat(new byte[12]));
        Assert.Contains("magic.idx is malformed: its IDX magic number is 2049; expected 2051", Assert.Throws<InvalidDataException>(() => Mnist.Load(badMagic, labels)).Message);
        var badLabel = WriteBytes("lab10.idx", Idx(2049, 2).Concat(new byte[] { 10, 3 }));
        Assert.Contains("label 0 is 10, out of range", Assert.Throws<InvalidDataException>(() => Mnist.Load(images, badLabel)).Message);
        var truncated = WriteBytes("trunc.idx", Idx(2051, 2, 2, 3).Concat(new byte[5]));
        Assert.Contains("it has 21 bytes; the header promises 16 + 2 x 2 x 3", Assert.Throws<InvalidDataException>(() => Mnist.Load(truncated, labels)).Message);
        Assert.Throws<FileNotFoundException>(() => Mnist.Load(Path.Combine(dir, "none.idx"), labels));
    }

    [Fact]
    public void SplitIsSeededDisjointAndComplete()
    {
        var digits = Digits.Load();
        var a = digits.Split(1000, seed: 4);
        var b = digits.Split(1000, seed: 4);
        var c = digits.Split(1000, seed: 5);
        Assert.Equal(1000, a.Train.Count);
        Assert.Equal(797, a.Test.Count);
        Assert.Equal(a.Train.Labels, b.Train.Labels);
        Assert.Equal(a.Train.Inputs, b.Train.Inputs);
        Assert.NotEqual(a.Train.Inputs, c.Train.Inputs);
        var all = a.Train.Inputs.Concat(a.Test.Inputs).ToHashSet(ReferenceEqualityComparer.Instance);
        Assert.Equal(1797, all.Count);
        Assert.Contains("Cannot take 1797 training and 0 test inputs from 1797", Assert.Throws<ArgumentException>(() => digits.Split(1797, 0)).Message);
    }

    [Fact]
    public void LabelsOutOfRangeAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new LabelledImages(new[] { new[] { 0.0 }, new[] { 1.0 } }, new[] { 0, 3 }, classCount: 3));
        Assert.Contains("Label 3 of input 1 is out of range: expected a class in 0..2", e.Message);
    }

    string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    string WriteBytes(string name, IEnumerable<byte> bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }

    static IEnumerable<byte> Idx(params int[] header) =>
        header.SelectMany(h => new[] { (byte)(h >> 24), (byte)(h >> 16), (byte)(h >> 8), (byte)h });

    static IEnumerable<byte> Gzip(IEnumerable<byte> bytes)
    {
        var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(bytes.ToArray());
        return output.ToArray();
    }
}
