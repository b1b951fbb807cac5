using Lectures.Data;
using Lectures.Graphs;

namespace Lectures.Torch.Interactions;

/// <summary>Where the chunks of the two images of a pair sit on the two 16-cliques.</summary>
public enum ChunkPlacement
{
    /// <summary>Image 1 fills clique 0 (vertices 0..15) and image 2 fills clique 1 (16..31): only the bridge edge joins them.</summary>
    LowWalkIndex,

    /// <summary>Each clique holds the same half of both images (clique 0 the top halves, clique 1 the bottom halves), interleaved.</summary>
    HighWalkIndex,
}

/// <summary>
/// The interaction task: a pair of 8x8 digit images, label 1 when both show the same digit. Each image is cut into
/// 16 chunks of 4 consecutive pixels (chunk k = row k/2, columns 4(k mod 2)..4(k mod 2)+3), one chunk per vertex of
/// two 16-cliques joined by one edge (32 vertices). A vertex's features are 128 values, one slot per pixel of
/// either image, zero except the 4 pixels of its own chunk (the chunk's pixels tensored with its image and position).
/// A sum or mean over a clique then still shows which pixel of which image is which: with the pixels and a one-hot
/// position side by side instead, a clique's sum keeps only the sum of its chunks, and GCN or GIN (which treat the
/// members of a clique alike) could not see the images at all.
/// </summary>
public static class DigitPairs
{
    /// <summary>Vertices per clique and chunks per image: 16.</summary>
    public const int ChunksPerImage = 16;

    /// <summary>Pixels per chunk: 4.</summary>
    public const int PixelsPerChunk = 4;

    /// <summary>Features per vertex: one per pixel of either image, 2 x 64 = 128.</summary>
    public const int FeatureCount = 2 * ChunksPerImage * PixelsPerChunk;

    /// <summary>The graph: two 16-cliques joined by the edge {15, 16}.</summary>
    public static Graph Graph() => GraphFamilies.TwoCliques(ChunksPerImage);

    /// <summary>
    /// The (image, chunk) at vertex v (0..31). Low: image = v / 16, chunk = v mod 16. High: with clique c = v / 16 and
    /// slot s = v mod 16, image = s mod 2 and chunk = 8c + s / 2.
    /// </summary>
    public static (int Image, int Chunk) Content(ChunkPlacement placement, int v)
    {
        if ((uint)v >= 2 * ChunksPerImage)
            throw new ArgumentException($"Vertex {v} is out of range: the graph has {2 * ChunksPerImage} vertices (0..{2 * ChunksPerImage - 1}).", nameof(v));
        int clique = v / ChunksPerImage, slot = v % ChunksPerImage;
        return placement == ChunkPlacement.LowWalkIndex ? (clique, slot) : (slot % 2, ChunksPerImage / 2 * clique + slot / 2);
    }

    /// <summary>I = the vertices holding image 1 under the placement: the side of the partition the walk index is taken for.</summary>
    public static int[] FirstImageVertices(ChunkPlacement placement) =>
        Enumerable.Range(0, 2 * ChunksPerImage).Where(v => Content(placement, v).Image == 0).ToArray();

    /// <summary>WI_{L-1}(I) for graph prediction with depth L, I = the vertices of image 1 (Walks.WalkIndex).</summary>
    public static long WalkIndex(ChunkPlacement placement, int depth) =>
        Walks.WalkIndex.ForGraphPrediction(Graph(), FirstImageVertices(placement), depth);

    /// <summary>
    /// <paramref name="count"/> pairs (first, second, same) of distinct images, balanced: pair k is same-class when k is
    /// even (a class uniformly, then two of its images), else a pair of different classes; then shuffled. Seeded.
    /// </summary>
    public static (int First, int Second, bool Same)[] Sample(LabelledImages images, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (count < 2) throw new ArgumentOutOfRangeException(nameof(count), count, $"At least 2 pairs are needed (one of each label), got {count}.");
        var byClass = Enumerable.Range(0, images.ClassCount).Select(c => Enumerable.Range(0, images.Count).Where(i => images.Labels[i] == c).ToArray()).ToArray();
        var usable = Enumerable.Range(0, images.ClassCount).Where(c => byClass[c].Length >= 2).ToArray();
        var present = Enumerable.Range(0, images.ClassCount).Where(c => byClass[c].Length >= 1).ToArray();
        if (usable.Length == 0 || present.Length < 2)
            throw new ArgumentException($"The {images.Count} images cannot make balanced pairs: need a class with 2 images and 2 classes present.", nameof(images));
        var rng = new Random(seed);
        var pairs = new (int, int, bool)[count];
        for (var k = 0; k < count; k++)
        {
            if (k % 2 == 0)
            {
                var members = byClass[usable[rng.Next(usable.Length)]];
                var a = rng.Next(members.Length);
                var b = (a + 1 + rng.Next(members.Length - 1)) % members.Length;
                pairs[k] = (members[a], members[b], true);
            }
            else
            {
                var ca = rng.Next(present.Length);
                var cb = (ca + 1 + rng.Next(present.Length - 1)) % present.Length;
                var first = byClass[present[ca]];
                var second = byClass[present[cb]];
                pairs[k] = (first[rng.Next(first.Length)], second[rng.Next(second.Length)], false);
            }
        }
        rng.Shuffle(pairs);
        return pairs;
    }

    /// <summary>
    /// The vertex features of the pairs, row-major [pairs, 32, 128] (float32), under the placement: vertex v holding
    /// chunk c of image b has x[64 b + 4 c + k] = pixel 4 c + k of image b (k = 0..3), zero elsewhere.
    /// </summary>
    public static float[] Features(LabelledImages images, IReadOnlyList<(int First, int Second, bool Same)> pairs, ChunkPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(pairs);
        if (images.Dimension != ChunksPerImage * PixelsPerChunk)
            throw new ArgumentException($"The images have {images.Dimension} pixels, expected {ChunksPerImage * PixelsPerChunk} (8 x 8).", nameof(images));
        var n = 2 * ChunksPerImage;
        var x = new float[pairs.Count * n * FeatureCount];
        for (var p = 0; p < pairs.Count; p++)
            for (var v = 0; v < n; v++)
            {
                var (image, chunk) = Content(placement, v);
                var pixels = images.Inputs[image == 0 ? pairs[p].First : pairs[p].Second];
                var row = (p * n + v) * FeatureCount;
                var slot = row + image * ChunksPerImage * PixelsPerChunk + chunk * PixelsPerChunk;
                for (var k = 0; k < PixelsPerChunk; k++) x[slot + k] = (float)pixels[chunk * PixelsPerChunk + k];
            }
        return x;
    }
}
