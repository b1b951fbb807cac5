using Lectures.Torch.Experiments;
using Plotly.NET;

namespace Lectures.Tests.Torch.Experiments;

/// <summary>The one report writer: the title, the summary as HTML, one plot per chart, and the results' CSV files.</summary>
public sealed class ExperimentReportTests : TemporaryDirectoryTest
{
    [Fact]
    public void ReportHoldsTheSummaryAsHtmlTheChartsAndTheCsvFiles()
    {
        var dir = Path.Combine(Root, "report");
        var path = ExperimentReport.Write(new TwoRows(), dir);
        Assert.Equal(Path.Combine(dir, "report.html"), path);
        var html = File.ReadAllText(path);
        Assert.Contains("<title>Two rows</title>", html);
        Assert.Contains("<td>1-WIS</td>", html);
        Assert.Contains("<strong>above</strong>", html);
        Assert.Equal(1, html.Split("newPlot(").Length - 1);
        Assert.Equal("method,accuracy\n1-WIS,0.86\nrandom,0.83\n", File.ReadAllText(Path.Combine(dir, "rows.csv")));
    }

    sealed class TwoRows : IExperimentResults
    {
        public string Title => "Two rows";

        public RunTally Tally => new(2, 0, TimeSpan.Zero);

        public RunProvenance Provenance => RunProvenance.Unknown;

        public IExperimentResults WithProvenance(RunProvenance provenance) => this;

        public IEnumerable<GenericChart> Charts() => [Lectures.Plotting.Charts.Lines("Accuracy", "method", "accuracy", [new Lectures.Plotting.Series("test", [1.0, 2.0], [0.86, 0.83])])];

        public IReadOnlyList<string> WriteCsv(string directory)
        {
            var path = Path.Combine(directory, "rows.csv");
            ExperimentReport.WriteCsv(path, "method,accuracy", ["1-WIS,0.86", "random,0.83"]);
            return [path];
        }

        public string Summary() => "1-WIS is **above** random.\n\n| method | accuracy |\n|---|---|\n| 1-WIS | 0.86 |\n| random | 0.83 |\n";
    }
}
