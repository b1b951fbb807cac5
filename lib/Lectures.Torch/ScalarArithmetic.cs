using TorchSharp;
using static TorchSharp.torch;

namespace Lectures.Torch;

/// <summary>
/// Tensor arithmetic with numbers, each number's TorchSharp <see cref="Scalar"/> owned by the call: created, passed to
/// the native operation, and disposed after it returned. TorchSharp 0.107 makes a Scalar implicitly from a C# number
/// (t / 2.0, t.clamp(a, b), t.square() = t.pow(2), and even a + b = a.add(b, alpha: 1)), passes only its handle to
/// native code and leaves the Scalar to its finalizer, which a garbage collection on another thread can run while the
/// native call still reads it: the native crash "Unknown scalar type" of issue 20. (a * b, a - b and a / b of two
/// tensors need no Scalar.)
/// </summary>
internal static class ScalarArithmetic
{
    /// <summary>a + b, elementwise with broadcasting.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => With(1, one => a.add(b, one));

    /// <summary>c t, elementwise.</summary>
    public static Tensor Times(this Tensor t, double c) => With(c, t.mul);

    /// <summary>t / c, elementwise.</summary>
    public static Tensor DividedBy(this Tensor t, double c) => With(c, s => t.div(s));

    /// <summary>min(max(t, lower), upper), elementwise.</summary>
    public static Tensor ClampedTo(this Tensor t, double lower, double upper) => With(lower, min => With(upper, max => t.clamp(min, max)));

    /// <summary>1 where t &gt; c, else 0 (bool), elementwise.</summary>
    public static Tensor GreaterThan(this Tensor t, double c) => With(c, t.gt);

    /// <summary>Leaky ReLU: t where t &gt;= 0, slope t elsewhere.</summary>
    public static Tensor LeakyRelu(this Tensor t, double slope) => With(slope, t.leaky_relu);

    /// <summary>out = t with source added at the positions index along dim: out[index[j]] += source[j].</summary>
    public static Tensor IndexAdd(this Tensor t, long dim, Tensor index, Tensor source) => With(1, one => t.index_add(dim, index, source, one));

    /// <summary>A rows x columns tensor of <paramref name="dtype"/> with every entry c.</summary>
    public static Tensor Filled(long rows, long columns, double c, ScalarType dtype) => With(c, s => full(rows, columns, s, dtype));

    /// <summary>op applied to c as a Scalar that stays alive until op has returned, then is disposed.</summary>
    static Tensor With(double c, Func<Scalar, Tensor> op)
    {
        using var scalar = c.ToScalar();
        return op(scalar);
    }
}
