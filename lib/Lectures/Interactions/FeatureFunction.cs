namespace Lectures.Interactions;

/// <summary>
/// A function f : (R^{D_x})^n -> R of vertex features X (n rows x D_x columns), the object whose separation rank
/// sep(f; I) is measured. It has a real evaluation, an exact evaluation modulo p = 2^61 - 1 (when f is a polynomial
/// with integer coefficients), or both.
/// </summary>
public sealed class FeatureFunction
{
    private readonly Func<double[,], double>? real;
    private readonly Func<long[,], long>? modular;

    private FeatureFunction(string name, int vertexCount, int inputWidth, Func<double[,], double>? real, Func<long[,], long>? modular)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (vertexCount < 1 || inputWidth < 1)
            throw new ArgumentException($"A feature function needs n >= 1 vertices and D_x >= 1 features, got n = {vertexCount}, D_x = {inputWidth}.");
        Name = name;
        VertexCount = vertexCount;
        InputWidth = inputWidth;
        this.real = real;
        this.modular = modular;
    }

    /// <summary>A short name for tables and charts.</summary>
    public string Name { get; }

    /// <summary>n, the number of vertices (rows of X).</summary>
    public int VertexCount { get; }

    /// <summary>D_x, the features per vertex (columns of X).</summary>
    public int InputWidth { get; }

    /// <summary>Whether f(X) can be evaluated in doubles.</summary>
    public bool HasRealEvaluation => real != null;

    /// <summary>Whether f(X) mod p can be evaluated exactly (f is a polynomial with integer coefficients).</summary>
    public bool HasModularEvaluation => modular != null;

    /// <summary>A function evaluated in doubles (for the numerical separation-rank method).</summary>
    public static FeatureFunction FromReal(string name, int vertexCount, int inputWidth, Func<double[,], double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new FeatureFunction(name, vertexCount, inputWidth, f, null);
    }

    /// <summary>
    /// A polynomial with integer coefficients, given by its evaluation modulo p = 2^61 - 1: the delegate receives X
    /// with every entry a residue in 0..p-1 and returns f(X) mod p (use <see cref="PrimeField"/> for + and *).
    /// The optional real evaluation lets the numerical method run on the same f.
    /// </summary>
    public static FeatureFunction FromPolynomial(string name, int vertexCount, int inputWidth, Func<long[,], long> modularF,
        Func<double[,], double>? realF = null)
    {
        ArgumentNullException.ThrowIfNull(modularF);
        return new FeatureFunction(name, vertexCount, inputWidth, realF, modularF);
    }

    /// <summary>f(X) in doubles.</summary>
    public double Evaluate(double[,] x)
    {
        CheckShape(x);
        return (real ?? throw new InvalidOperationException($"{Name} has no real evaluation; it was given only modulo p."))(x);
    }

    /// <summary>f(X) mod p for integer X (entries are reduced mod p first).</summary>
    public long EvaluateModular(long[,] x)
    {
        CheckShape(x);
        if (modular is null)
            throw new InvalidOperationException($"{Name} has no exact evaluation modulo p; build it with FeatureFunction.FromPolynomial or integer GNN weights.");
        var reduced = new long[x.GetLength(0), x.GetLength(1)];
        for (var i = 0; i < x.GetLength(0); i++)
            for (var k = 0; k < x.GetLength(1); k++)
                reduced[i, k] = PrimeField.Reduce(x[i, k]);
        return PrimeField.Reduce(modular(reduced));
    }

    /// <summary>The name.</summary>
    public override string ToString() => Name;

    /// <summary>f(X) mod p for X already reduced to residues and of the right shape (the estimator's inner loop).</summary>
    internal long EvaluateResidues(long[,] residues) => PrimeField.Reduce(modular!(residues));

    /// <summary>f(X) in doubles for X of the right shape (the estimator's inner loop).</summary>
    internal double EvaluateUnchecked(double[,] x) => real!(x);

    private void CheckShape(Array x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.GetLength(0) != VertexCount || x.GetLength(1) != InputWidth)
            throw new ArgumentException(
                $"X is {x.GetLength(0)} x {x.GetLength(1)}, expected n x D_x = {VertexCount} x {InputWidth} for {Name}.", nameof(x));
    }
}
