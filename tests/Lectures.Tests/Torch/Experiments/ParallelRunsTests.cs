using Lectures.Torch.Experiments;

namespace Lectures.Tests.Torch.Experiments;

public class ParallelRunsTests
{
    [Fact]
    public void ResultsComeBackInTheGivenOrderAndEntriesWithoutWorkAreNotRun()
    {
        var started = new int[5];
        Func<int>?[] work = [.. Enumerable.Range(0, 5).Select(i => i == 2 ? null : (Func<int>)(() =>
        {
            Interlocked.Increment(ref started[i]);
            // Later runs finish first: the order of Take is the order given, not of finishing.
            Thread.Sleep(10 * (5 - i));
            return i * i;
        }))];

        using (var runs = new ParallelRuns<int>(work, torchThreads: 1))
        {
            Assert.Equal(new[] { 0, 1, 9, 16 }, new[] { 0, 1, 3, 4 }.Select(runs.Take));
            Assert.Equal(Math.Min(Environment.ProcessorCount, 4), runs.Parallelism);
            var e = Assert.Throws<InvalidOperationException>(() => runs.Take(2));
            Assert.Equal("Run 2 was not computed here (it had no work).", e.Message);
        }
        Assert.Equal(new[] { 1, 1, 0, 1, 1 }, started);
    }

    [Fact]
    public void RunsThatDrawFromTorchsGlobalGeneratorRunOneAtATime()
    {
        var running = 0;
        var most = 0;
        Func<int>?[] work = [.. Enumerable.Range(0, 4).Select(i => (Func<int>)(() =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.Sleep(5);
            Interlocked.Decrement(ref running);
            return i;
        }))];

        using (var runs = new ParallelRuns<int>(work, torchThreads: 1, maxParallelism: 1))
        {
            Assert.Equal(1, runs.Parallelism);
            Assert.Equal(new[] { 0, 1, 2, 3 }, Enumerable.Range(0, 4).Select(runs.Take));
        }
        Assert.Equal(1, most);
    }

    static void InterlockedMax(ref int target, int value)
    {
        for (var seen = target; value > seen; seen = target)
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }

    [Fact]
    public void ARunsExceptionIsRethrownUnwrappedWhenItsResultIsTaken()
    {
        using var runs = new ParallelRuns<int>([() => 7, () => throw new System.Runtime.InteropServices.ExternalException("native failure")], torchThreads: 1);

        Assert.Equal(7, runs.Take(0));
        var e = Assert.Throws<System.Runtime.InteropServices.ExternalException>(() => runs.Take(1));
        Assert.Equal("native failure", e.Message);
    }

    [SkippableFact]
    public void TwoRunsProceedAtOnceOnTwoProcessors()
    {
        Skip.If(Environment.ProcessorCount < 2, "needs two processors");
        using var meeting = new Barrier(2);
        // Each run waits for the other: only runs that proceed at the same time both get past the barrier.
        Func<bool> meet = () => meeting.SignalAndWait(TimeSpan.FromMinutes(1));
        using var runs = new ParallelRuns<bool>([meet, meet], torchThreads: 1);

        Assert.Equal(new[] { true, true }, new[] { 0, 1 }.Select(runs.Take));
    }
}
