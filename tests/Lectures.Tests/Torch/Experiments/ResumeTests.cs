using Lectures.Torch.Experiments;
using Lectures.Graphs;
using Lectures.Sparsification;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;
using Lectures.Torch.Interactions;
using Lectures.Torch.Sparsification;
using Lectures.Tests.Torch;
using Lectures.Torch.Runtime;

using Lectures.Tests.Torch.Gnn.Training;

namespace Lectures.Tests.Torch.Experiments;

/// <summary>The GNN experiments stopped part-way and resumed write the same CSV, byte for byte, as one run straight through.</summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class ResumeTests : TemporaryDirectoryTest
{
    [Fact]
    public void AStoppedSparsificationResumesToTheSameCsv()
    {
        var options = new SparsificationOptions("tiny", TrainingTests.TinyGcn, TrainingTests.Quick with { MaxEpochs = 3 },
            [SparsificationMethod.OneWis, SparsificationMethod.Random], 50, [0, 1]);
        var graph = new LoadedGraph(TrainingTests.Tiny, "tiny SBM");
        string Straight(string directory) => SparsificationExperiment.Run(graph, options, journal: new JournalSettings(directory)).Runs.Count.ToString();
        AssertResumesIdentically("sparsification.csv", 12, 5, Straight,
            (directory, progress, resume, stop) => SparsificationExperiment.Run(graph, options, progress, new JournalSettings(directory, resume, stop)).WriteCsv(directory));
    }

    [Fact]
    public void AStoppedInteractionExperimentResumesToTheSameCsv()
    {
        var options = InteractionOptions.Reduced with
        {
            Models = InteractionOptions.Architectures([GnnArchitecture.Gcn, GnnArchitecture.Gin]), TrainPairs = 64, ValidationPairs = 32, TestPairs = 32,
            Training = InteractionOptions.Reduced.Training with { MaxEpochs = 2 }, Seeds = [0],
        };
        string Straight(string directory) => InteractionExperiment.Run(options, journal: new JournalSettings(directory)).Runs.Count.ToString();
        AssertResumesIdentically("interaction.csv", 4, 2, Straight,
            (directory, progress, resume, stop) => InteractionExperiment.Run(options, progress, journal: new JournalSettings(directory, resume, stop)).WriteCsv(directory));
    }

    [Fact]
    public void AResumeOfAFinishedSparsificationWhoseRunFinishedLastReadsEachRunsOwnRow()
    {
        var options = new SparsificationOptions("tiny", TrainingTests.TinyGcn, TrainingTests.Quick with { MaxEpochs = 3 },
            [SparsificationMethod.OneWis, SparsificationMethod.Random], 50, [0, 1]);
        var graph = new LoadedGraph(TrainingTests.Tiny, "tiny SBM");
        SparsificationResults Run(string directory, bool resume)
        {
            var results = SparsificationExperiment.Run(graph, options, journal: new JournalSettings(directory, resume));
            ExperimentReport.Write(results, directory);
            return results;
        }
        var straight = Run(Path.Combine(Root, "straight"), false);
        var expected = File.ReadAllText(Path.Combine(Root, "straight", "sparsification.csv"));

        // The files a first start leaves when its second run ("1-WIS 50% seed 0") fails with a native error: that run's
        // row and .runs line are missing, and the experiment is not complete.
        var b = Path.Combine(Root, "failed");
        Directory.CreateDirectory(b);
        var rows = File.ReadAllLines(Path.Combine(Root, "straight", "sparsification.csv"));
        var listed = File.ReadAllLines(Path.Combine(Root, "straight", "sparsification.runs"));
        var runLines = listed.Select((l, i) => (l, i)).Where(p => p.l.StartsWith("run\t", StringComparison.Ordinal)).Select(p => p.i).ToArray();
        Assert.StartsWith("run\t1-WIS 50% seed 0\t1\t", listed[runLines[1]]);
        File.WriteAllLines(Path.Combine(b, "sparsification.csv"), rows.Where((_, i) => i != 2));
        File.WriteAllLines(Path.Combine(b, "sparsification.runs"), listed.Where((l, i) => i != runLines[1] && l != "complete"));

        // The resume reruns that run (the journal lists it last), and the report rewrites the CSV in grid order.
        var resumed = Run(b, true);
        Assert.Equal(straight.Runs, resumed.Runs);
        Assert.Equal(expected, File.ReadAllText(Path.Combine(b, "sparsification.csv")));
        Assert.Contains("12 runs: 11 recorded earlier, 1 run now in ", resumed.Summary());

        // Resuming the finished experiment again reads every run's own row: nothing runs, and the results are the same.
        var again = Run(b, true);
        Assert.Equal(straight.Runs, again.Runs);
        Assert.Equal(expected, File.ReadAllText(Path.Combine(b, "sparsification.csv")));
        Assert.Contains("12 runs, all recorded earlier.", again.Summary());
    }

    /// <summary>Runs straight through, then stopped after <paramref name="stopAfter"/> runs and resumed; the CSVs must be equal.</summary>
    void AssertResumesIdentically(string file, int runs, int stopAfter, Func<string, string> straight,
        Action<string, IProgress<ExperimentProgress>?, bool, CancellationToken> run)
    {
        var a = Path.Combine(Root, "straight");
        Assert.Equal(runs.ToString(), straight(a));
        var expected = File.ReadAllBytes(Path.Combine(a, file));
        var b = Path.Combine(Root, "stopped");
        using var stop = new CancellationTokenSource();
        var e = Assert.Throws<ExperimentIncompleteException>(() => run(b, new SynchronousProgress<ExperimentProgress>(p => { if (p.Done == stopAfter) stop.Cancel(); }), false, stop.Token));
        Assert.Equal((stopAfter, runs), (e.Finished, e.Total));
        Assert.Equal(stopAfter + 1, File.ReadAllLines(Path.Combine(b, file)).Length);
        var trained = 0;
        run(b, new SynchronousProgress<ExperimentProgress>(p => trained = p.Done), true, default);
        Assert.Equal(runs, trained);
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(b, file)));
    }
}
