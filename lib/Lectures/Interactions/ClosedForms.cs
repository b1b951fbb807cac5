namespace Lectures.Interactions;

/// <summary>
/// Polynomials of vertex features whose separation rank is known in closed form, for checking the estimator and
/// for teaching what sep measures. Each has integer coefficients, so both the exact (mod 2^61 - 1) and the
/// numerical method apply. x_i is row i of X (D features).
/// </summary>
public static class ClosedForms
{
    /// <summary>
    /// f(X) = (1 + &lt;x_0, x_1&gt;)(1 + &lt;x_2, x_3&gt;) on 4 vertices: sep(f; {0, 1}) = 1 (one factor per side),
    /// sep(f; {0, 2}) = (D + 1)^2 (each factor has sep D + 1 across that cut, and the ranks multiply).
    /// </summary>
    public static FeatureFunction PairedInnerProducts(int width) =>
        Polynomial($"(1 + <x_0, x_1>)(1 + <x_2, x_3>), D = {width}", 4, width, PairedInnerProducts<long, PrimeRing>, PairedInnerProducts<double, RealRing>);

    /// <summary>f(X) = &lt;x_0, x_1&gt; = Σ_k x_0[k] x_1[k] on 2 vertices: sep(f; {0}) = D.</summary>
    public static FeatureFunction InnerProduct(int width) =>
        Polynomial($"<x_0, x_1>, D = {width}", 2, width, (long[,] x) => Inner<long, PrimeRing>(x, 0, 1), (double[,] x) => Inner<double, RealRing>(x, 0, 1));

    /// <summary>f(X) = &lt;x_0, x_1&gt;^2 on 2 vertices: sep(f; {0}) = D(D + 1)/2 (the distinct products x_0[k] x_0[k']).</summary>
    public static FeatureFunction SquaredInnerProduct(int width) =>
        Polynomial($"<x_0, x_1>^2, D = {width}", 2, width, SquaredInner<long, PrimeRing>, SquaredInner<double, RealRing>);

    /// <summary>
    /// f(X) = Σ_{r=1..R} s(x_0)^r t(x_1)^r on 2 vertices, with the linear forms s(x) = Σ_k (k + 1) x[k] and
    /// t(x) = Σ_k (-1)^k x[k]: R separable terms with independent factors, so sep(f; {0}) = R.
    /// </summary>
    public static FeatureFunction SumOfSeparableTerms(int terms, int width)
    {
        if (terms < 1)
            throw new ArgumentOutOfRangeException(nameof(terms), terms, $"The number of terms R must be >= 1, got {terms}.");
        return Polynomial($"Σ_(r=1..{terms}) s(x_0)^r t(x_1)^r, D = {width}", 2, width,
            (long[,] x) => SumOfPowers<long, PrimeRing>(x, terms), (double[,] x) => SumOfPowers<double, RealRing>(x, terms));
    }

    private static FeatureFunction Polynomial(string name, int vertexCount, int width, Func<long[,], long> modular, Func<double[,], double> real)
    {
        if (width < 1)
            throw new ArgumentOutOfRangeException(nameof(width), width, $"The feature width D must be >= 1, got {width}.");
        return FeatureFunction.FromPolynomial(name, vertexCount, width, modular, real);
    }

    private static T Inner<T, TRing>(T[,] x, int i, int j) where TRing : IRing<T>
    {
        var sum = TRing.Zero;
        for (var k = 0; k < x.GetLength(1); k++) sum = TRing.Add(sum, TRing.Multiply(x[i, k], x[j, k]));
        return sum;
    }

    private static T PairedInnerProducts<T, TRing>(T[,] x) where TRing : IRing<T> =>
        TRing.Multiply(TRing.Add(TRing.One, Inner<T, TRing>(x, 0, 1)), TRing.Add(TRing.One, Inner<T, TRing>(x, 2, 3)));

    private static T SquaredInner<T, TRing>(T[,] x) where TRing : IRing<T>
    {
        var inner = Inner<T, TRing>(x, 0, 1);
        return TRing.Multiply(inner, inner);
    }

    private static T SumOfPowers<T, TRing>(T[,] x, int terms) where TRing : IRing<T>
    {
        T s = TRing.Zero, t = TRing.Zero;
        for (var k = 0; k < x.GetLength(1); k++)
        {
            s = TRing.Add(s, TRing.Multiply(TRing.FromInteger(k + 1), x[0, k]));
            t = TRing.Add(t, TRing.Multiply(TRing.FromInteger(k % 2 == 0 ? 1 : -1), x[1, k]));
        }
        T sum = TRing.Zero, power = TRing.One, st = TRing.Multiply(s, t);
        for (var r = 1; r <= terms; r++)
        {
            power = TRing.Multiply(power, st);
            sum = TRing.Add(sum, power);
        }
        return sum;
    }
}
