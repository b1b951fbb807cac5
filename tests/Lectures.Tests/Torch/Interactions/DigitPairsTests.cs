using Lectures.Data;
using Lectures.Torch.Interactions;

namespace Lectures.Tests.Torch.Interactions;

public class DigitPairsTests
{
    [Fact]
    public void WalkIndicesOfThePlacementsMatchTheHandCount()
    {
        // Depth 3: length-2 walks (self-loops allowed) from the boundary. Clique vertices have A-row sum 16, the
        // bridge ends 15 and 16 have 17. Low: boundary {15, 16}, each contributes 15 * 16 + 17 + 17 = 274 -> 548.
        // High: every vertex is on the boundary, sum over k of (row sum k)^2 = 30 * 16^2 + 2 * 17^2 = 8258.
        Assert.Equal(548, DigitPairs.WalkIndex(ChunkPlacement.LowWalkIndex, depth: 3));
        Assert.Equal(8258, DigitPairs.WalkIndex(ChunkPlacement.HighWalkIndex, depth: 3));
    }

    [Theory]
    [InlineData(ChunkPlacement.LowWalkIndex, 16)]
    [InlineData(ChunkPlacement.HighWalkIndex, 8)]
    public void EveryChunkSitsOnOneVertexAndACliqueHoldsTheExpectedShareOfImageOne(ChunkPlacement placement, int imageOneInCliqueZero)
    {
        var contents = Enumerable.Range(0, 32).Select(v => DigitPairs.Content(placement, v)).ToList();
        Assert.Equal(32, contents.Distinct().Count());
        Assert.Equal(imageOneInCliqueZero, contents.Take(16).Count(c => c.Image == 0));
        Assert.Throws<ArgumentException>(() => DigitPairs.Content(placement, 32));
    }

    [Fact]
    public void PairsAreBalancedLabelledCorrectlyAndSeeded()
    {
        var images = Digits.Load();
        var pairs = DigitPairs.Sample(images, 200, seed: 4);
        Assert.Equal(100, pairs.Count(p => p.Same));
        Assert.All(pairs, p =>
        {
            Assert.NotEqual(p.First, p.Second);
            Assert.Equal(p.Same, images.Labels[p.First] == images.Labels[p.Second]);
        });
        Assert.Equal(pairs, DigitPairs.Sample(images, 200, seed: 4));
    }

    [Fact]
    public void FeaturesHoldTheChunkPixelsInTheSlotOfTheirImageAndPosition()
    {
        var images = Digits.Load();
        (int, int, bool)[] pairs = [(0, 1, images.Labels[0] == images.Labels[1])];
        var x = DigitPairs.Features(images, pairs, ChunkPlacement.HighWalkIndex);
        Assert.Equal(32 * 128, x.Length);
        // High placement, vertex 19: clique 1, slot 3 -> image 1 (the second image), chunk 8 + 1 = 9 (row 4, columns 4..7),
        // so its pixels 36..39 sit at 64 + 36 .. 64 + 39 and everything else is 0.
        var row = x.AsSpan(19 * 128, 128).ToArray();
        Assert.Equal(images.Inputs[1][36..40].Select(v => (float)v), row[100..104]);
        Assert.All(row[..100].Concat(row[104..]), v => Assert.Equal(0f, v));
        // Summing a clique under the low placement gives back image 0 exactly.
        var sum = Enumerable.Range(0, 64).Select(j => Enumerable.Range(0, 16).Sum(v => DigitPairs.Features(images, pairs, ChunkPlacement.LowWalkIndex)[v * 128 + j])).ToArray();
        Assert.Equal(images.Inputs[0].Select(v => (float)v), sum);
    }
}
