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

    /// <summary>
    /// (a * b) mod p for residues a, b: with 8ab = hi 2^64 + lo, ab = hi 2^61 + lo / 8 and 2^61 = 1 (mod p), so
    /// ab = hi + lo / 8 (mod p), a sum below 2p.
    /// </summary>
    public static long Multiply(long a, long b)
    {
        var hi = Math.BigMul((ulong)a << 3, (ulong)b, out var lo);
        var sum = hi + (lo >> 3);
        return (long)(sum >= Prime ? sum - Prime : sum);
    }

    /// <summary>
    /// (c + a * b) mod p for residues a, b, c, given a8 = 8a (precomputed when a is reused): hi + lo / 8 + c is
    /// below 3p &lt; 2^63, folded once with 2^61 = 1 (mod p).
    /// </summary>
    internal static long MultiplyAdd(ulong a8, long b, long c)
    {
        var hi = Math.BigMul(a8, (ulong)b, out var lo);
        var sum = hi + (lo >> 3) + (ulong)c;
        sum = (sum & Prime) + (sum >> 61);
        return (long)(sum >= Prime ? sum - Prime : sum);
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
