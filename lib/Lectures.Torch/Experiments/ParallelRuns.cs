namespace Lectures.Torch.Experiments;

/// <summary>
/// Independent runs of an experiment computed ahead on up to <see cref="Parallelism"/> dedicated threads, taken back
/// in the experiment's order (<see cref="Take"/>): the results, and so the journal and the result files, are those of a
/// sequential run. Each thread sets torch's intra-op threads to the run's setting before it starts.
/// </summary>
/// <typeparam name="T">A run's result.</typeparam>
public sealed class ParallelRuns<T> : IDisposable
{
    readonly Func<T>?[] work;
    readonly TaskCompletionSource<T>?[] results;
    readonly Thread[] threads;
    int next = -1;
    volatile bool stopped;

    /// <summary>At most this many runs at once: the machine's processors, and no more than the runs.</summary>
    public int Parallelism => threads.Length;

    /// <summary>
    /// Starts computing every non-null entry of <paramref name="work"/> (null: nothing to compute, e.g. a run recorded
    /// earlier), in order, on min(processors, runs, <paramref name="maxParallelism"/>) threads with
    /// <paramref name="torchThreads"/> torch threads each. Runs that draw from torch's global generator while they
    /// train (dropout) must pass 1: their draws would interleave.
    /// </summary>
    public ParallelRuns(IReadOnlyList<Func<T>?> work, int torchThreads, int maxParallelism = int.MaxValue)
    {
        this.work = [.. work];
        results = this.work.Select(w => w is null ? null : new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var count = Math.Max(1, Math.Min(Math.Min(Environment.ProcessorCount, maxParallelism), this.work.Count(w => w is not null)));
        threads = Enumerable.Range(0, count).Select(_ => new Thread(() => Work(torchThreads)) { IsBackground = true }).ToArray();
        foreach (var thread in threads) thread.Start();
    }

    void Work(int torchThreads)
    {
        TorchSharp.torch.set_num_threads(torchThreads);
        for (int i; !stopped && (i = Interlocked.Increment(ref next)) < work.Length;)
        {
            if (work[i] is not { } run) continue;
            try
            {
                results[i]!.SetResult(run());
            }
            catch (Exception e)
            {
                results[i]!.SetException(e);
            }
        }
    }

    /// <summary>The result of run <paramref name="index"/>, waiting for it; its exception, unwrapped, when it failed.</summary>
    public T Take(int index) =>
        (results[index] ?? throw new InvalidOperationException($"Run {index} was not computed here (it had no work).")).Task.GetAwaiter().GetResult();

    /// <summary>Starts no further run and waits for those in progress (they may use tensors the caller disposes next).</summary>
    public void Dispose()
    {
        stopped = true;
        foreach (var thread in threads) thread.Join();
        foreach (var result in results) result?.TrySetCanceled();
    }
}
