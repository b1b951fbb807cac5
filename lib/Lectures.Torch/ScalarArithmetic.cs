using TorchSharp;
using static TorchSharp.torch;

namespace Lectures.Torch;

/// <summary>
/// Tensor arithmetic with numbers, each number's TorchSharp <see cref="Scalar"/> owned by the call: created, passed to
/// the native operation, and disposed after it returned. TorchSharp 0.107 makes a Scalar implicitly from a C# number
/// (t / 2.0, t.clamp(a, b), t.square() = t.pow(2), and even a + b = a.add(b, alpha: 1)), passes only its handle to
/// native code and leaves the Scalar to its finalizer, which a garbage collection on another thread can run while the
/// native call still reads it: the native crash "Unknown scalar type" of issue 20. A <c>using</c> keeps the Scalar
/// reachable until the native call has returned. (a * b, a - b and a / b of two tensors need no Scalar.)
/// </summary>
internal static class ScalarArithmetic
{
    /// <summary>a + b, elementwise with broadcasting.</summary>
    public static Tensor Plus(this Tensor a, Tensor b)
    {
        using var one = 1.ToScalar();
        return a.add(b, one);
    }

    /// <summary>c t, elementwise.</summary>
    public static Tensor Times(this Tensor t, double c)
    {
        using var scalar = c.ToScalar();
        return t.mul(scalar);
    }

    /// <summary>t / c, elementwise.</summary>
    public static Tensor DividedBy(this Tensor t, double c)
    {
        using var scalar = c.ToScalar();
        return t.div(scalar);
    }

    /// <summary>min(max(t, lower), upper), elementwise.</summary>
    public static Tensor ClampedTo(this Tensor t, double lower, double upper)
    {
        using var min = lower.ToScalar();
        using var max = upper.ToScalar();
        return t.clamp(min, max);
    }

    /// <summary>1 where t &gt; c, else 0 (bool), elementwise.</summary>
    public static Tensor GreaterThan(this Tensor t, double c)
    {
        using var scalar = c.ToScalar();
        return t.gt(scalar);
    }

    /// <summary>Leaky ReLU: t where t &gt;= 0, slope t elsewhere.</summary>
    public static Tensor LeakyRelu(this Tensor t, double slope)
    {
        using var scalar = slope.ToScalar();
        return t.leaky_relu(scalar);
    }

    /// <summary>out = t with source added at the positions index along dim: out[index[j]] += source[j].</summary>
    public static Tensor IndexAdd(this Tensor t, long dim, Tensor index, Tensor source)
    {
        using var one = 1.ToScalar();
        return t.index_add(dim, index, source, one);
    }

    /// <summary>A rows x columns tensor of <paramref name="dtype"/> with every entry c.</summary>
    public static Tensor Filled(long rows, long columns, double c, ScalarType dtype)
    {
        using var scalar = c.ToScalar();
        return full(rows, columns, scalar, dtype);
    }
}
