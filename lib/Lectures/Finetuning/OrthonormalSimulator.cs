using MathNet.Numerics.LinearAlgebra;

namespace Lectures.Finetuning;

/// <summary>
/// n orthonormal inputs x_1..x_n in R^d (the columns of X, d &gt;= n), K labels, the linear softmax model
/// p(.|x) = softmax(Theta x) with Theta in R^{K x d}. <see cref="Run"/> integrates gradient flow on the full matrix:
/// RFT dTheta/dt = (1/n) sum_i (p_i ⊙ (r_i - V_i)) x_i^T, SFT dTheta/dt = (1/n) sum_i (e_{y_i} - p_i) x_i^T,
/// with Dormand-Prince 5(4) (default rtol 1e-8, atol 1e-10). <see cref="RunDecoupled"/> integrates the same flow
/// input by input (orthonormality makes z_i = Theta x_i move on its own).
/// </summary>
public sealed class OrthonormalSimulator
{
    /// <summary>Largest allowed |x_i . x_j - delta_ij| for the inputs to count as orthonormal.</summary>
    public const double OrthonormalityTolerance = 1e-8;

    private readonly Matrix<double> inputs;
    private readonly double[] x, xTransposed;

    /// <summary>A simulator with inputs the columns of <paramref name="inputs"/> [d x n], labels y_i in [K], and an
    /// optional [n x K] reward table in [-1, 1] (default +1 for the label, -1 otherwise).</summary>
    public OrthonormalSimulator(Matrix<double> inputs, int[] labels, int labelCount, Matrix<double>? rewards = null)
    {
        if (inputs.ColumnCount != labels.Length)
            throw new ArgumentException($"There are {inputs.ColumnCount} inputs (columns) but {labels.Length} labels.", nameof(labels));
        if (inputs.RowCount < inputs.ColumnCount)
            throw new ArgumentException($"{inputs.ColumnCount} orthonormal inputs need dimension d >= {inputs.ColumnCount}; got d = {inputs.RowCount}.", nameof(inputs));
        var gram = inputs.TransposeThisAndMultiply(inputs);
        for (var i = 0; i < gram.RowCount; i++)
            for (var j = 0; j < gram.ColumnCount; j++)
            {
                var error = Math.Abs(gram[i, j] - (i == j ? 1 : 0));
                if (error > OrthonormalityTolerance)
                    throw new ArgumentException(i == j
                        ? $"The inputs are not orthonormal: ||x_{i}||^2 = {gram[i, i]}, expected 1."
                        : $"The inputs are not orthonormal: x_{i} . x_{j} = {gram[i, j]}, expected 0.", nameof(inputs));
            }
        Flow = new LogitFlow(labels, labelCount, rewards);
        this.inputs = inputs.Clone();
        x = inputs.ToColumnMajorArray();
        xTransposed = inputs.Transpose().ToColumnMajorArray();
    }

    /// <summary>A random orthonormal set of n inputs in R^d (the Q factor of a seeded Gaussian d x n matrix).</summary>
    public static Matrix<double> RandomOrthonormalInputs(int inputs, int dimension, int seed)
    {
        if (inputs < 1 || dimension < inputs)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"n = {inputs} orthonormal inputs need 1 <= n <= d; got d = {dimension}.");
        var rng = new Random(seed);
        var gaussian = Matrix<double>.Build.Dense(dimension, inputs, (_, _) => SoftmaxPolicy.Gaussian(rng));
        return gaussian.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin).Q;
    }

    /// <summary>The per-input flow (labels, rewards, the decoupled integrator).</summary>
    public LogitFlow Flow { get; }

    /// <summary>n.</summary>
    public int InputCount => inputs.ColumnCount;

    /// <summary>d.</summary>
    public int Dimension => inputs.RowCount;

    /// <summary>K.</summary>
    public int LabelCount => Flow.LabelCount;

    /// <summary>X = [x_1 ... x_n], d x n.</summary>
    public Matrix<double> Inputs => inputs.Clone();

    /// <summary>Theta_0 = Z_0 X^T, so that z_i = Theta_0 x_i gives input i probability p*_i on its label and
    /// (1 - p*_i) / (K - 1) on every other label.</summary>
    public Matrix<double> InitialWeights(double[] initialCorrectProbability) =>
        Flow.InitialLogits(initialCorrectProbability).TransposeAndMultiply(inputs);

    /// <summary>Z = Theta X, the logits z_i = Theta x_i as columns.</summary>
    public Matrix<double> Logits(Matrix<double> weights)
    {
        CheckWeights(weights);
        return weights * inputs;
    }

    /// <summary>
    /// Integrates gradient flow of <paramref name="objective"/> on the full K x d matrix Theta from
    /// <paramref name="initialWeights"/>; per input, the time of correct classification and of V reaching the target
    /// (located by bisection on the dense output), and snapshots. Progress reports t / EndTime.
    /// </summary>
    public SimulationResult Run(FinetuningObjective objective, Matrix<double> initialWeights, SimulationOptions options, IProgress<double>? progress = null)
    {
        CheckWeights(initialWeights);
        var recorder = new SimulationRecorder(Flow, objective, options);
        int k = LabelCount, d = Dimension, n = InputCount;
        var zs = new double[k * n];
        var gs = new double[k * n];
        var p = new double[k];
        // Z = Theta X; G = per-input velocities (1/n) g_i as columns; dTheta/dt = G X^T.
        void Logits(double[] theta) => ColumnMajorProduct.Multiply(theta, k, d, x, n, zs);
        var ode = new DormandPrince(k * d, (_, theta, dtheta) =>
        {
            Logits(theta);
            for (var i = 0; i < n; i++) Flow.Velocity(objective, i, zs.AsSpan(i * k, k), p, gs.AsSpan(i * k, k));
            ColumnMajorProduct.Multiply(gs, k, n, xTransposed, d, dtheta);
        }, options.RelativeTolerance, options.AbsoluteTolerance);
        var theta0 = initialWeights.ToColumnMajorArray();
        ode.Reset(0, theta0);

        var times = recorder.Times;
        var batchNorms = new double[times.Length];
        var thetaAt = new double[k * d];
        var batchGradient = new double[k * d];
        var snapshot = 0;
        void Snapshot(double[] thetaNow)
        {
            Logits(thetaNow);
            for (var i = 0; i < n; i++) recorder.RecordInput(snapshot, i, zs.AsSpan(i * k, k), p, gs.AsSpan(i * k, k));
            ColumnMajorProduct.Multiply(gs, k, n, xTransposed, d, batchGradient);
            batchNorms[snapshot] = SoftmaxPolicy.Norm(batchGradient);
            snapshot++;
        }

        Logits(theta0);
        for (var i = 0; i < n; i++) recorder.CheckStart(i, zs.AsSpan(i * k, k), p);
        while (snapshot < times.Length && times[snapshot] <= 0) Snapshot(theta0);

        var zi = new double[k];
        var thetaEnd = new double[k * d];
        var projected = new double[5][];
        for (var j = 0; j < 5; j++) projected[j] = new double[k];
        while (recorder.Continue(ode.Time, snapshot, recorder.AnyPending()))
        {
            ode.Step(options.EndTime);
            while (snapshot < times.Length && times[snapshot] <= ode.Time)
            {
                ode.Interpolate(times[snapshot], thetaAt);
                Snapshot(thetaAt);
            }
            ode.State.CopyTo(thetaEnd);
            Logits(thetaEnd);
            for (var i = 0; i < n; i++)
            {
                if (!recorder.Crossed(i, zs.AsSpan(i * k, k), p)) continue;
                // z_i(t) = Theta(t) x_i is linear in Theta, so its dense output has coefficients c_j x_i.
                for (var j = 0; j < 5; j++) Project(ode.DenseCoefficient(j), i, projected[j]);
                var segment = new DenseSegment(ode.StepStart, ode.Time, projected[0], projected[1], projected[2], projected[3], projected[4]);
                recorder.CheckStep(i, zs.AsSpan(i * k, k), segment, zi, p);
            }
            progress?.Report(ode.Time / options.EndTime);
        }
        return recorder.Result(ode.AcceptedSteps, ode.RejectedSteps, ode.Time, batchNorms);
    }

    /// <summary>The same flow integrated input by input (<see cref="LogitFlow.Run"/> from z_i = Theta_0 x_i).</summary>
    public SimulationResult RunDecoupled(FinetuningObjective objective, Matrix<double> initialWeights, SimulationOptions options, IProgress<double>? progress = null) =>
        Flow.Run(objective, Logits(initialWeights), options, progress);

    // c x_i for a K x d column-major coefficient c.
    private void Project(ReadOnlySpan<double> c, int i, double[] result)
    {
        var k = result.Length;
        Array.Clear(result);
        var xi = x.AsSpan(i * Dimension, Dimension);
        for (var col = 0; col < xi.Length; col++)
        {
            var xc = xi[col];
            var column = c.Slice(col * k, k);
            for (var r = 0; r < k; r++) result[r] += column[r] * xc;
        }
    }

    private void CheckWeights(Matrix<double> weights)
    {
        if (weights.RowCount != LabelCount || weights.ColumnCount != Dimension)
            throw new ArgumentException($"Theta is {weights.RowCount} x {weights.ColumnCount}; expected labels x dimension = {LabelCount} x {Dimension}.", nameof(weights));
    }
}
