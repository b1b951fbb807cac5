namespace Lectures.Interactions;

/// <summary>
/// Arithmetic modulo the Mersenne prime p = 2^61 - 1 on residues in 0..p-1 (stored as long). Used by the exact
/// separation-rank method: integer-valued polynomials are evaluated and ranked modulo p.
/// </summary>
public static class PrimeField
{
    /// <summary>The prime p = 2^61 - 1.</summary>
    public const long Prime = (1L << 61) - 1;

    /// <summary>The residue of any integer: a mod p in 0..p-1 (also for negative a).</summary>
    public static long Reduce(long a)
    {
        var r = a % Prime;
        return r < 0 ? r + Prime : r;
    }

    /// <summary>(a + b) mod p for residues a, b.</summary>
    public static long Add(long a, long b)
    {
        var s = a + b;
        return s >= Prime ? s - Prime : s;
    }

    /// <summary>(a - b) mod p for residues a, b.</summary>
    public static long Subtract(long a, long b)
    {
        var d = a - b;
        return d < 0 ? d + Prime : d;
    }

    /// <summary>(a * b) mod p for residues a, b: the 122-bit product folded with 2^61 = 1 (mod p).</summary>
    public static long Multiply(long a, long b)
    {
        var hi = Math.BigMul((ulong)a, (ulong)b, out var lo);
        var folded = (lo & Prime) + (lo >> 61) + (hi << 3);
        folded = (folded & Prime) + (folded >> 61);
        return (long)(folded >= Prime ? folded - Prime : folded);
    }

    /// <summary>a^e mod p by repeated squaring (e >= 0).</summary>
    public static long Power(long a, long e)
    {
        long result = 1;
        for (; e > 0; e >>= 1, a = Multiply(a, a))
            if ((e & 1) != 0) result = Multiply(result, a);
        return result;
    }

    /// <summary>a^-1 mod p = a^(p-2) mod p (Fermat) for a residue a ≠ 0.</summary>
    public static long Inverse(long a) => a != 0
        ? Power(a, Prime - 2)
        : throw new DivideByZeroException("0 has no inverse modulo p = 2^61 - 1.");
}
