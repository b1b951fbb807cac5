namespace Lectures.Finetuning;

/// <summary>dy/dt = f(t, y): writes f(t, y) into <paramref name="dydt"/>.</summary>
public delegate void OdeRightHandSide(double t, double[] y, double[] dydt);

/// <summary>
/// The Dormand-Prince 5(4) adaptive Runge-Kutta integrator with error control and 4th-order dense output
/// (Hairer, Norsett and Wanner, DOPRI5). A step is accepted when
/// sqrt(mean_i (err_i / (atol + rtol max(|y0_i|, |y1_i|)))^2) &lt;= 1, err the difference of the 5th and 4th order solutions;
/// the next step is h 0.9 err^{-1/5}, kept within [h/5, 5h].
/// </summary>
public sealed class DormandPrince
{
    private const double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private const double A21 = 1.0 / 5;
    private const double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private const double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private const double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private const double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176, A65 = -5103.0 / 18656;
    private const double A71 = 35.0 / 384, A73 = 500.0 / 1113, A74 = 125.0 / 192, A75 = -2187.0 / 6784, A76 = 11.0 / 84;
    private const double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200, E6 = 22.0 / 525, E7 = -1.0 / 40;
    private const double D1 = -12715105075.0 / 11282082432, D3 = 87487479700.0 / 32700410799, D4 = -10690763975.0 / 1880347072,
        D5 = 701980252875.0 / 199316789632, D6 = -1453857185.0 / 822651844, D7 = 69997945.0 / 29380423;

    private readonly OdeRightHandSide f;
    private readonly double[] y, yNew, stage, k1, k2, k3, k4, k5, k6, k7;
    private readonly double[][] dense;
    private double stepSize;

    /// <summary>An integrator for a system of <paramref name="dimension"/> equations with the given tolerances.</summary>
    public DormandPrince(int dimension, OdeRightHandSide f, double relativeTolerance, double absoluteTolerance)
    {
        if (dimension < 1)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"The system needs at least 1 equation; got {dimension}.");
        if (!(relativeTolerance > 0) || !(absoluteTolerance > 0))
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), $"Tolerances must be positive; got rtol = {relativeTolerance}, atol = {absoluteTolerance}.");
        this.f = f;
        RelativeTolerance = relativeTolerance;
        AbsoluteTolerance = absoluteTolerance;
        double[] New() => new double[dimension];
        (y, yNew, stage, k1, k2, k3, k4, k5, k6, k7) = (New(), New(), New(), New(), New(), New(), New(), New(), New(), New());
        dense = [New(), New(), New(), New(), New()];
    }

    /// <summary>rtol of the error control.</summary>
    public double RelativeTolerance { get; }

    /// <summary>atol of the error control.</summary>
    public double AbsoluteTolerance { get; }

    /// <summary>The current time (end of the last accepted step).</summary>
    public double Time { get; private set; }

    /// <summary>The state at <see cref="Time"/>.</summary>
    public ReadOnlySpan<double> State => y;

    /// <summary>Start of the last accepted step; <see cref="Interpolate"/> is valid on [StepStart, Time].</summary>
    public double StepStart { get; private set; }

    /// <summary>Accepted steps since <see cref="Reset"/>.</summary>
    public int AcceptedSteps { get; private set; }

    /// <summary>Rejected steps since <see cref="Reset"/>.</summary>
    public int RejectedSteps { get; private set; }

    /// <summary>Starts at (t0, y0) and picks the first step size (Hairer's heuristic).</summary>
    public void Reset(double t0, ReadOnlySpan<double> y0)
    {
        y0.CopyTo(y);
        Time = StepStart = t0;
        AcceptedSteps = RejectedSteps = 0;
        f(t0, y, k1);
        var d0 = ScaledNorm(y);
        var d1 = ScaledNorm(k1);
        var h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        for (var i = 0; i < y.Length; i++) stage[i] = y[i] + h0 * k1[i];
        f(t0 + h0, stage, k2);
        for (var i = 0; i < y.Length; i++) k2[i] -= k1[i];
        var d2 = ScaledNorm(k2) / h0;
        var h1 = Math.Max(d1, d2) <= 1e-15 ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / Math.Max(d1, d2), 1.0 / 5);
        stepSize = Math.Min(100 * h0, h1);
    }

    /// <summary>Takes one accepted step, not beyond <paramref name="endTime"/> (retrying smaller steps on rejection).</summary>
    public void Step(double endTime)
    {
        if (!(endTime > Time))
            throw new ArgumentOutOfRangeException(nameof(endTime), endTime, $"The end time must be after the current time {Time}; got {endTime}.");
        var n = y.Length;
        while (true)
        {
            var h = Math.Min(stepSize, endTime - Time);
            var t = Time;
            for (var i = 0; i < n; i++) stage[i] = y[i] + h * A21 * k1[i];
            f(t + C2 * h, stage, k2);
            for (var i = 0; i < n; i++) stage[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
            f(t + C3 * h, stage, k3);
            for (var i = 0; i < n; i++) stage[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
            f(t + C4 * h, stage, k4);
            for (var i = 0; i < n; i++) stage[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
            f(t + C5 * h, stage, k5);
            for (var i = 0; i < n; i++) stage[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
            f(t + h, stage, k6);
            for (var i = 0; i < n; i++) yNew[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
            f(t + h, yNew, k7);
            double sum = 0;
            for (var i = 0; i < n; i++)
            {
                var e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
                var sc = AbsoluteTolerance + RelativeTolerance * Math.Max(Math.Abs(y[i]), Math.Abs(yNew[i]));
                sum += e / sc * (e / sc);
            }
            var err = Math.Sqrt(sum / n);
            var factor = err == 0 ? 5 : Math.Clamp(0.9 * Math.Pow(err, -0.2), 0.2, 5);
            if (err > 1 || double.IsNaN(err))
            {
                RejectedSteps++;
                stepSize = h * Math.Min(factor, 1);
                if (stepSize < 1e-14 * Math.Max(1, Math.Abs(t)))
                    throw new InvalidOperationException($"The step size fell to {stepSize:G3} at t = {t}: the system is too stiff for rtol = {RelativeTolerance}.");
                continue;
            }
            for (var i = 0; i < n; i++)
            {
                var diff = yNew[i] - y[i];
                var bspl = h * k1[i] - diff;
                dense[0][i] = y[i];
                dense[1][i] = diff;
                dense[2][i] = bspl;
                dense[3][i] = diff - h * k7[i] - bspl;
                dense[4][i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
            }
            Array.Copy(yNew, y, n);
            Array.Copy(k7, k1, n);
            StepStart = t;
            Time = t + h;
            AcceptedSteps++;
            stepSize = h * factor;
            return;
        }
    }

    /// <summary>Dense-output coefficient c_j (j = 0..4) of the last step:
    /// y(StepStart + s h) = c0 + s (c1 + (1 - s) (c2 + s (c3 + (1 - s) c4))).</summary>
    public ReadOnlySpan<double> DenseCoefficient(int j) => dense[j];

    /// <summary>The state at time <paramref name="t"/> in [StepStart, Time] from the dense output.</summary>
    public void Interpolate(double t, Span<double> y)
    {
        if (t < StepStart || t > Time)
            throw new ArgumentOutOfRangeException(nameof(t), t, $"Interpolation is valid on the last step [{StepStart}, {Time}]; got t = {t}.");
        LastStep.Evaluate(t, y);
    }

    /// <summary>The dense output of the last step.</summary>
    internal DenseSegment LastStep => new(StepStart, Time, dense[0], dense[1], dense[2], dense[3], dense[4]);

    // sqrt(mean_i (v_i / (atol + rtol |y_i|))^2), the error-control norm at the current state.
    private double ScaledNorm(double[] v)
    {
        double sum = 0;
        for (var i = 0; i < v.Length; i++)
        {
            var x = v[i] / (AbsoluteTolerance + RelativeTolerance * Math.Abs(y[i]));
            sum += x * x;
        }
        return Math.Sqrt(sum / v.Length);
    }
}

/// <summary>The dense output of one Dormand-Prince step on [Start, End] (or a linear image of it, e.g. z_i = Theta x_i):
/// y(Start + s h) = c0 + s (c1 + (1 - s) (c2 + s (c3 + (1 - s) c4))).</summary>
internal readonly ref struct DenseSegment(double start, double end, ReadOnlySpan<double> c0, ReadOnlySpan<double> c1,
    ReadOnlySpan<double> c2, ReadOnlySpan<double> c3, ReadOnlySpan<double> c4)
{
    private readonly ReadOnlySpan<double> c0 = c0, c1 = c1, c2 = c2, c3 = c3, c4 = c4;

    public double Start { get; } = start;

    public double End { get; } = end;

    public void Evaluate(double t, Span<double> y)
    {
        var s = End == Start ? 1 : (t - Start) / (End - Start);
        var s1 = 1 - s;
        for (var i = 0; i < y.Length; i++) y[i] = c0[i] + s * (c1[i] + s1 * (c2[i] + s * (c3[i] + s1 * c4[i])));
    }
}
