namespace Lectures.Tests.Core.Interactions;

using Lectures.Interactions;

public class SeparationRankTests
{
    // One definition per closed form: on integer points in -3..3 the real function is an exact integer (far below
    // 2^53), so its value mod p is the polynomial's value mod p. Residues above p/2 stand for negative integers.
    // The forms have degree <= 12, low enough for points in -3..3 to show their full rank.
    private static FeatureFunction Polynomial(string name, int n, int d, Func<double[,], double> f) =>
        FeatureFunction.FromPolynomial(name, n, d, x => PrimeField.Reduce((long)f(Lift(x))), f);

    private static double[,] Lift(long[,] residues)
    {
        var x = new double[residues.GetLength(0), residues.GetLength(1)];
        for (var i = 0; i < x.GetLength(0); i++)
            for (var k = 0; k < x.GetLength(1); k++)
                x[i, k] = residues[i, k] > PrimeField.Prime / 2 ? residues[i, k] - PrimeField.Prime : residues[i, k];
        return x;
    }

    private static double Inner(double[,] x, int i, int j) => Enumerable.Range(0, x.GetLength(1)).Sum(k => x[i, k] * x[j, k]);

    private static void BothMethodsGive(int expected, FeatureFunction f, int[] I)
    {
        var points = new EvaluationPoints(P: 40, Q: 40, Seed: 1, Range: 3);
        var exact = SeparationRank.Exact(f, I, points);
        var numerical = SeparationRank.Numerical(f, I, points);
        Assert.Equal(expected, exact.Rank);
        Assert.Equal(expected, numerical.Rank);
        Assert.False(exact.Saturated);
        Assert.Equal((40, 40), (numerical.P, numerical.Q));
        Assert.Equal(40, numerical.SingularValues!.Count);
    }

    [Fact]
    public void AProductOfOneFunctionPerSideHasSepOne() =>
        BothMethodsGive(1, Polynomial("product", 4, 2, x => (Inner(x, 0, 1) + 1) * (x[2, 0] - x[3, 1] * x[3, 1] + 2 * x[2, 1])), [0, 1]);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void AnInnerProductAcrossThePartitionHasSepD(int d) =>
        BothMethodsGive(d, Polynomial("inner product", 2, d, x => Inner(x, 0, 1)), [0]);

    [Fact]
    public void ASumOfRGenericSeparableTermsHasSepR()
    {
        // Σ_{r=1..6} s(a)^r t(b)^r with s, t linear: the powers s^1..s^6 are independent once s takes >= 7 values.
        const int R = 6;
        BothMethodsGive(R, Polynomial("sum of 6 terms", 2, 3, x =>
        {
            double s = x[0, 0] + 2 * x[0, 1] - x[0, 2], t = x[1, 0] - x[1, 1] + 3 * x[1, 2];
            return Enumerable.Range(1, R).Sum(r => Math.Pow(s, r) * Math.Pow(t, r));
        }), [0]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void ASquaredInnerProductHasSepDTimesDPlusOneOverTwo(int d) =>
        BothMethodsGive(d * (d + 1) / 2, Polynomial("squared inner product", 3, d, x => Math.Pow(Inner(x, 0, 2), 2)), [0, 1]);

    [Fact]
    public void ASmallMatrixSaturatesAndSaysSo()
    {
        var f = Polynomial("inner product", 2, 5, x => Inner(x, 0, 1));
        var result = SeparationRank.Exact(f, [0], new EvaluationPoints(P: 3, Q: 8));
        Assert.Equal(3, result.Rank);
        Assert.True(result.Saturated);
        Assert.Contains("sep >= 3", result.ToString());
        Assert.Contains("at least min(P, Q)", result.ToString());
    }

    [Fact]
    public void RankModPrimeMatchesHandExamples()
    {
        Assert.Equal(2, SeparationRank.RankModPrime(new long[,] { { 1, 2, 3 }, { 2, 4, 6 }, { 1, 0, 1 } }));
        Assert.Equal(0, SeparationRank.RankModPrime(new long[3, 4]));
        // Rows that differ by p are equal modulo p.
        Assert.Equal(1, SeparationRank.RankModPrime(new long[,] { { 1, 5 }, { 1 + PrimeField.Prime, 5 } }));
        Assert.Equal(3, SeparationRank.RankModPrime(new long[,] { { 0, 0, 1 }, { 0, 1, 0 }, { 1, 0, 0 } }));
    }

    [Fact]
    public void NumericalRankUsesTheStatedTolerance()
    {
        // Rows (1, 1) and (1, 1 + 1e-6) stay nearly parallel after normalisation: s_2 / s_1 is about 2.5e-7.
        var m = new double[,] { { 1, 1 }, { 1, 1 + 1e-6 } };
        Assert.Equal(2, SeparationRank.NumericalRank(m, 1e-8).Rank);
        var coarse = SeparationRank.NumericalRank(m, 1e-5);
        Assert.Equal(1, coarse.Rank);
        Assert.Equal(1e-5, coarse.RelativeTolerance);
        Assert.InRange(coarse.SingularValues![1] / coarse.SingularValues[0], 1e-7, 1e-6);
    }

    [Fact]
    public void BadInputsGetTheirErrors()
    {
        var realOnly = FeatureFunction.FromReal("sin", 2, 1, x => Math.Sin(x[0, 0] * x[1, 0]));
        Assert.Contains("sin has no exact evaluation modulo p", Assert.Throws<ArgumentException>(() => SeparationRank.Exact(realOnly, [0])).Message);
        Assert.StartsWith("Vertex 2 in I is out of range: the graph has 2 vertices (0..1).",
            Assert.Throws<ArgumentException>(() => SeparationRank.Numerical(realOnly, [2])).Message);
        Assert.StartsWith("Vertex 0 appears more than once in I",
            Assert.Throws<ArgumentException>(() => SeparationRank.Numerical(realOnly, [0, 0])).Message);
        Assert.StartsWith("An evaluation matrix needs P, Q >= 1 points, got P = 0",
            Assert.Throws<ArgumentException>(() => SeparationRank.Numerical(realOnly, [0], new EvaluationPoints(P: 0))).Message);
        Assert.Contains("holds NaN", Assert.Throws<ArgumentException>(() => SeparationRank.NumericalRank(new double[,] { { double.NaN } })).Message);
        Assert.StartsWith("X is 1 x 1, expected n x D_x = 2 x 1",
            Assert.Throws<ArgumentException>(() => realOnly.Evaluate(new double[1, 1])).Message);
    }

    [Fact]
    public void TheNumericalMethodSeesSepOfANonPolynomial()
    {
        // exp(a b) = Σ a^r b^r / r! has infinite sep; its numerical rank grows with the points, far above 1 ...
        var exp = FeatureFunction.FromReal("exp(ab)", 2, 1, x => Math.Exp(x[0, 0] * x[1, 0]));
        Assert.InRange(SeparationRank.Numerical(exp, [0], new EvaluationPoints(P: 30, Q: 30)).Rank, 6, 30);
        // ... while exp(a) exp(b) has sep 1.
        var split = FeatureFunction.FromReal("exp(a)exp(b)", 2, 1, x => Math.Exp(x[0, 0]) * Math.Exp(x[1, 0]));
        Assert.Equal(1, SeparationRank.Numerical(split, [0], new EvaluationPoints(P: 30, Q: 30)).Rank);
    }
}
