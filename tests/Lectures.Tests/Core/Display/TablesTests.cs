namespace Lectures.Tests.Core.Display;

public class TablesTests
{
    sealed record Run(string Method, double Accuracy, int Edges);

    [Theory]
    [InlineData(16.225798195100218, "16.23")]
    [InlineData(0.5, "0.5")]
    [InlineData(1234.5678, "1235")]
    [InlineData(123456.7, "123457")]
    [InlineData(0.0012346, "0.001235")]
    [InlineData(-2.0 / 3, "-0.6667")]
    [InlineData(9.99996, "10")]
    [InlineData(1e-4, "1.00e-04")]
    [InlineData(-3.14159e-7, "-3.14e-07")]
    [InlineData(2.5e6, "2.50e+06")]
    [InlineData(0.0, "0")]
    [InlineData(double.NaN, "–")]
    public void DoublesShowFourSignificantDigitsOrScientificWhenTinyOrHuge(double x, string expected) =>
        Assert.Equal(expected, Tables.Format(x));

    [Fact]
    public void IntegersPercentagesAndListsHaveTheirOwnForms()
    {
        Assert.Equal("2708", Tables.Format(2708));
        Assert.Equal("10556", Tables.Format(10556L));
        Assert.Equal("87.3%", Tables.Format(new Percent(0.8732)));
        Assert.Equal("100.0%", new Percent(1).ToString());
        Assert.Equal("0.0012%", new Percent(0.000012).ToString());
        Assert.Equal("+2.1 pts", Tables.Format(new PercentagePoints(2.1)));
        Assert.Equal("-0.4 pts", new PercentagePoints(-0.4).ToString());
        Assert.Equal("0.0 pts", new PercentagePoints(0).ToString());
        Assert.Equal("+2.1 pts", PercentagePoints.Between(new Percent(0.873), new Percent(0.852)).ToString());
        Assert.Equal("[0.1, 0.3333, 2]", Tables.Format(new[] { 0.1, 1.0 / 3, 2.0 }));
        Assert.Equal("[1, 2, 3, 4, … (10 items)]", Tables.Format(Enumerable.Range(1, 10).ToArray()));
        Assert.Equal("{ a = 1.5, b = [1, 2] }", Tables.Format(new { a = 1.5, b = new[] { 1, 2 } }));
        Assert.Equal("(0.3333, x)", Tables.Format((1.0 / 3, "x")));
    }

    [Fact]
    public void AnonymousObjectsGiveNamedColumnsAndAlignedText()
    {
        var rows = new[]
        {
            new { method = "1-WIS", accuracy = new Percent(0.8123), removed = 1200, gap = new PercentagePoints(2.13) },
            new { method = "random", accuracy = new Percent(0.7654), removed = 15, gap = new PercentagePoints(-0.4) },
        };

        var table = rows.ToTable("Cora, GCN");

        Assert.Equal(new[] { "method", "accuracy", "removed", "gap" }, table.Columns);
        Assert.Equal(new[] { "random", "76.5%", "15", "-0.4 pts" }, table.Rows[1]);
        Assert.Equal(
            "Cora, GCN\n" +
            "method  accuracy  removed       gap\n" +
            "------  --------  -------  --------\n" +
            "1-WIS      81.2%     1200  +2.1 pts\n" +
            "random     76.5%       15  -0.4 pts",
            table.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void HtmlHasACaptionAHeaderOfNamedColumnsAndEncodedCells()
    {
        var table = new[] { new Run("WIS <L=3>", 1.0 / 3, 7) }.ToTable("runs & seeds");

        Assert.Equal(
            "<table class=\"lectures-table\"><caption>runs &amp; seeds</caption><thead><tr>" +
            "<th style=\"text-align:left\">Method</th><th style=\"text-align:right\">Accuracy</th>" +
            "<th style=\"text-align:right\">Edges</th></tr></thead><tbody><tr>" +
            "<td style=\"text-align:left\">WIS &lt;L=3&gt;</td><td style=\"text-align:right\">0.3333</td>" +
            "<td style=\"text-align:right\">7</td></tr></tbody></table>",
            table.ToHtml());
    }

    [Fact]
    public void TuplesTakeColumnNamesWhenGivenAndPlainValuesGiveOneColumn()
    {
        var tuples = new[] { (1, 0.25), (2, 1e-5) };
        Assert.Equal(new[] { "Item1", "Item2" }, tuples.ToTable().Columns);
        var named = tuples.ToTable(columns: ["depth", "bound"]);
        Assert.Equal(new[] { "depth", "bound" }, named.Columns);
        Assert.Equal(new[] { "2", "1.00e-05" }, named.Rows[1]);

        var values = new[] { 0.5, double.NaN }.ToTable();
        Assert.Equal(new[] { "Value" }, values.Columns);
        Assert.Equal("Value\n-----\n  0.5\n    –", values.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void WrongNumberOfColumnNamesIsRefusedByName()
    {
        var e = Assert.Throws<ArgumentException>(() => new[] { (1, 2.0) }.ToTable(columns: ["only one"]));
        Assert.Contains("1 column names were given for 2 columns (Item1, Item2)", e.Message);
    }
}
