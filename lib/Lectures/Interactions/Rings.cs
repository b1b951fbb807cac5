namespace Lectures.Interactions;

/// <summary>The two number systems a product GNN is evaluated in: doubles, and residues modulo 2^61 - 1.</summary>
internal interface IRing<T>
{
    static abstract T Zero { get; }

    static abstract T One { get; }

    static abstract T FromInteger(long c);

    static abstract T Add(T a, T b);

    static abstract T Multiply(T a, T b);
}

/// <summary>Double-precision arithmetic.</summary>
internal readonly struct RealRing : IRing<double>
{
    public static double Zero => 0.0;

    public static double One => 1.0;

    public static double FromInteger(long c) => c;

    public static double Add(double a, double b) => a + b;

    public static double Multiply(double a, double b) => a * b;
}

/// <summary>Arithmetic modulo p = 2^61 - 1.</summary>
internal readonly struct PrimeRing : IRing<long>
{
    public static long Zero => 0;

    public static long One => 1;

    public static long FromInteger(long c) => PrimeField.Reduce(c);

    public static long Add(long a, long b) => PrimeField.Add(a, b);

    public static long Multiply(long a, long b) => PrimeField.Multiply(a, b);
}
