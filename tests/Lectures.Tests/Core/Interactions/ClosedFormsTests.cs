namespace Lectures.Tests.Core.Interactions;

using Lectures.Interactions;

public class ClosedFormsTests
{
    private static readonly EvaluationPoints Points = new(P: 40, Q: 40, Seed: 1);

    private static void BothMethodsGive(int expected, FeatureFunction f, int[] I)
    {
        Assert.Equal(expected, SeparationRank.Exact(f, I, Points).Rank);
        Assert.Equal(expected, SeparationRank.Numerical(f, I, Points).Rank);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void InnerProductHasSepD(int d) => BothMethodsGive(d, ClosedForms.InnerProduct(d), [0]);

    [Theory]
    [InlineData(2, 3)]
    [InlineData(4, 10)]
    public void SquaredInnerProductHasSepDTimesDPlusOneOverTwo(int d, int expected) =>
        BothMethodsGive(expected, ClosedForms.SquaredInnerProduct(d), [0]);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(5, 3)]
    public void SumOfRSeparableTermsHasSepR(int terms, int d) => BothMethodsGive(terms, ClosedForms.SumOfSeparableTerms(terms, d), [0]);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void PairedInnerProductsHaveSepOneAlongThePairsAndDPlusOneSquaredAcross(int d)
    {
        var f = ClosedForms.PairedInnerProducts(d);
        BothMethodsGive(1, f, [0, 1]);
        BothMethodsGive((d + 1) * (d + 1), f, [0, 2]);
    }

    [Fact]
    public void ValuesMatchTheFormulas()
    {
        double[,] x = { { 1, 2 }, { 3, -1 }, { 2, 2 }, { -1, 1 } };
        Assert.Equal((1 + 1.0) * (1 + 0.0), ClosedForms.PairedInnerProducts(2).Evaluate(x));
        var pair = new double[,] { { 1, 2 }, { 3, -1 } };
        Assert.Equal(1.0, ClosedForms.InnerProduct(2).Evaluate(pair));
        Assert.Equal(1.0, ClosedForms.SquaredInnerProduct(2).Evaluate(pair));
        // s = 1*1 + 2*2 = 5, t = 3 - (-1) = 4: st + (st)^2 = 20 + 400.
        Assert.Equal(420.0, ClosedForms.SumOfSeparableTerms(2, 2).Evaluate(pair));
        // The exact evaluation agrees, negative values as residues.
        Assert.Equal(PrimeField.Reduce(-7), ClosedForms.InnerProduct(2).EvaluateModular(new long[,] { { 1, 2 }, { -3, -2 } }));
    }

    [Fact]
    public void BadSizesAreNamed()
    {
        Assert.Contains("The feature width D must be >= 1, got 0", Assert.Throws<ArgumentOutOfRangeException>(() => ClosedForms.InnerProduct(0)).Message);
        Assert.Contains("The number of terms R must be >= 1, got 0", Assert.Throws<ArgumentOutOfRangeException>(() => ClosedForms.SumOfSeparableTerms(0, 2)).Message);
    }
}
