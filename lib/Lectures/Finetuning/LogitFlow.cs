using MathNet.Numerics.LinearAlgebra;

namespace Lectures.Finetuning;

/// <summary>
/// The per-input logit flow of n orthonormal inputs with linear softmax p(.|x_i) = softmax(z_i), z_i = Theta x_i:
/// orthonormality decouples the inputs, so each z_i follows its own ODE
/// RFT: dz_i/dt = (1/n) p ⊙ (r_i - V_i); SFT: dz_i/dt = (1/n) (e_{y_i} - p).
/// Each input is integrated on its own with Dormand-Prince 5(4) (the fast path for large n); times are in the
/// units of this flow (n = 1 gives the reference times of lecture 09, notebooks/09-orthonormal-rft-vs-sft.ipynb, "Reference
/// numbers": to V >= 0 from p*_0 = 1e-2, 1e-3, 1e-4 with K = 10, RFT 48.68, 455.77, 4507.8 and SFT 5.03, 7.12, 9.19).
/// </summary>
public sealed class LogitFlow
{
    private readonly int[] labels;
    private readonly double[] rewards;

    /// <summary>A flow for inputs with the given labels among K = <paramref name="labelCount"/> labels. Rewards are
    /// an [inputs x K] table in [-1, 1]; by default +1 for the input's label and -1 otherwise.</summary>
    public LogitFlow(int[] labels, int labelCount, Matrix<double>? rewards = null)
    {
        if (labelCount < 2)
            throw new ArgumentOutOfRangeException(nameof(labelCount), labelCount, $"The flow needs K >= 2 labels; got K = {labelCount}.");
        if (labels.Length == 0)
            throw new ArgumentException("The flow needs at least one input; got 0 labels.", nameof(labels));
        for (var i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)labelCount)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"Label {labels[i]} of input {i} is out of range: there are K = {labelCount} labels (0..{labelCount - 1}).");
        this.labels = (int[])labels.Clone();
        LabelCount = labelCount;
        this.rewards = new double[labels.Length * labelCount];
        if (rewards is null)
        {
            for (var i = 0; i < labels.Length; i++)
                for (var k = 0; k < labelCount; k++) this.rewards[i * labelCount + k] = k == labels[i] ? 1 : -1;
            return;
        }
        if (rewards.RowCount != labels.Length || rewards.ColumnCount != labelCount)
            throw new ArgumentException($"The reward table is {rewards.RowCount} x {rewards.ColumnCount}; expected inputs x labels = {labels.Length} x {labelCount}.", nameof(rewards));
        for (var i = 0; i < labels.Length; i++)
            for (var k = 0; k < labelCount; k++)
            {
                var r = rewards[i, k];
                if (r is not (>= -1 and <= 1))
                    throw new ArgumentException($"Reward r(x_{i}, {k}) = {r} is outside [-1, 1].", nameof(rewards));
                this.rewards[i * labelCount + k] = r;
            }
    }

    /// <summary>n, the number of inputs.</summary>
    public int InputCount => labels.Length;

    /// <summary>K, the number of labels.</summary>
    public int LabelCount { get; }

    /// <summary>The correct label y_i of each input.</summary>
    public IReadOnlyList<int> Labels => labels;

    /// <summary>r(x_i, k).</summary>
    public double Reward(int input, int label) => rewards[input * LabelCount + label];

    /// <summary>Initial logits [K x n] giving input i probability p*_i on its label and (1 - p*_i) / (K - 1) on each
    /// other label: column i is z_{i,y_i} = ln p*_i, z_{i,k} = ln((1 - p*_i) / (K - 1)).</summary>
    public Matrix<double> InitialLogits(double[] initialCorrectProbability)
    {
        if (initialCorrectProbability.Length != InputCount)
            throw new ArgumentException($"Got {initialCorrectProbability.Length} initial probabilities for {InputCount} inputs.", nameof(initialCorrectProbability));
        var z = Matrix<double>.Build.Dense(LabelCount, InputCount);
        for (var i = 0; i < InputCount; i++)
        {
            var p = initialCorrectProbability[i];
            if (!(p > 0 && p < 1))
                throw new ArgumentOutOfRangeException(nameof(initialCorrectProbability), p, $"Initial probability of input {i} must be in (0, 1); got {p}.");
            z.SetColumn(i, VanishingGradients.LabelLogits(LabelCount, labels[i], p));
        }
        return z;
    }

    /// <summary>p(k|x_i) = softmax(z_i)[k] for logits [K x n], row-major [n x K] (row i is input i), the layout
    /// <see cref="RewardStdMonitor"/> reads.</summary>
    public double[] Probabilities(Matrix<double> logits)
    {
        CheckLogits(logits, "Logits");
        var p = new double[InputCount * LabelCount];
        for (var i = 0; i < InputCount; i++)
            SoftmaxPolicy.Softmax(logits.Column(i).ToArray(), 1, p.AsSpan(i * LabelCount, LabelCount));
        return p;
    }

    /// <summary>r(x_i, k), row-major [n x K] (row i is input i), the layout <see cref="RewardStdMonitor"/> reads.</summary>
    public double[] RewardTable() => (double[])rewards.Clone();

    /// <summary>
    /// Integrates every input's logits from <paramref name="initialLogits"/> [K x n] independently and reports, per
    /// input, the time it becomes correctly classified and the time V reaches the target, plus snapshots.
    /// </summary>
    public SimulationResult Run(FinetuningObjective objective, Matrix<double> initialLogits, SimulationOptions options, IProgress<double>? progress = null)
    {
        CheckLogits(initialLogits, "Initial logits");
        var recorder = new SimulationRecorder(this, objective, options);
        var z0 = initialLogits.ToColumnArrays();
        var accepted = new int[InputCount];
        var rejected = new int[InputCount];
        var finalTimes = new double[InputCount];
        var finished = 0;
        Parallel.For(0, InputCount, () => new InputIntegrator(this, objective, options), (i, _, worker) =>
        {
            (accepted[i], rejected[i], finalTimes[i]) = worker.Integrate(i, z0[i], recorder);
            progress?.Report((double)Interlocked.Increment(ref finished) / InputCount);
            return worker;
        }, _ => { });
        return recorder.Result(accepted.Sum(), rejected.Sum(), finalTimes.Max(), batchGradientNorms: null);
    }

    /// <summary>
    /// The closed-form time for the symmetric case (rewards +-1, wrong labels sharing 1 - p* equally, n = 1) to take
    /// p* from p0 to p1: RFT dp*/dt = (2K/(K-1)) p*^2 (1-p*)^2, so T = ((K-1)/(2K)) [F(p1) - F(p0)] with
    /// F(p) = 1/(1-p) - 1/p + 2 ln(p/(1-p)); SFT dp*/dt = (K/(K-1)) p* (1-p*)^2, so T = ((K-1)/K) [G(p1) - G(p0)]
    /// with G(p) = ln(p/(1-p)) + 1/(1-p). Correct classification is p* &gt; 1/K; V &gt;= v is p* &gt;= (1+v)/2.
    /// </summary>
    public static double ClosedFormTime(FinetuningObjective objective, int labels, double fromProbability, double toProbability)
    {
        static double F(double p) => 1 / (1 - p) - 1 / p + 2 * Math.Log(p / (1 - p));
        static double G(double p) => Math.Log(p / (1 - p)) + 1 / (1 - p);
        double k = labels;
        return objective == FinetuningObjective.Rft
            ? (k - 1) / (2 * k) * (F(toProbability) - F(fromProbability))
            : (k - 1) / k * (G(toProbability) - G(fromProbability));
    }

    /// <summary>
    /// The logit velocity of input i: dz = (1/n) g with g = p ⊙ (r - V) (RFT) or e_y - p (SFT), p = softmax(z)
    /// written into <paramref name="p"/>. Returns V, STD and ||dz||, the norm of the input's part (1/n) g x_i^T of
    /// the objective's gradient with respect to Theta.
    /// </summary>
    internal (double ExpectedReward, double RewardStd, double GradientNorm) Velocity(
        FinetuningObjective objective, int i, ReadOnlySpan<double> z, Span<double> p, Span<double> dz)
    {
        SoftmaxPolicy.Softmax(z, 1, p);
        var r = rewards.AsSpan(i * LabelCount, LabelCount);
        double v = 0;
        for (var k = 0; k < p.Length; k++) v += p[k] * r[k];
        double variance = 0, norm = 0;
        var scale = 1.0 / InputCount;
        for (var k = 0; k < p.Length; k++)
        {
            var a = r[k] - v;
            variance += p[k] * a * a;
            dz[k] = scale * (objective == FinetuningObjective.Rft ? p[k] * a : (k == labels[i] ? 1 : 0) - p[k]);
            norm += dz[k] * dz[k];
        }
        return (v, Math.Sqrt(variance), Math.Sqrt(norm));
    }

    /// <summary>Margin z_y - max_{k != y} z_k of input i (correctly classified when positive).</summary>
    internal double Margin(int i, ReadOnlySpan<double> z)
    {
        var y = labels[i];
        var best = double.NegativeInfinity;
        for (var k = 0; k < z.Length; k++)
            if (k != y) best = Math.Max(best, z[k]);
        return z[y] - best;
    }

    /// <summary>V(x_i) at logits z (p is scratch).</summary>
    internal double ExpectedReward(int i, ReadOnlySpan<double> z, Span<double> p)
    {
        SoftmaxPolicy.Softmax(z, 1, p);
        var r = rewards.AsSpan(i * LabelCount, LabelCount);
        double v = 0;
        for (var k = 0; k < p.Length; k++) v += p[k] * r[k];
        return v;
    }

    private void CheckLogits(Matrix<double> logits, string what)
    {
        if (logits.RowCount != LabelCount || logits.ColumnCount != InputCount)
            throw new ArgumentException($"{what} are {logits.RowCount} x {logits.ColumnCount}; expected labels x inputs = {LabelCount} x {InputCount}.", nameof(logits));
    }

    // One worker's integrator and scratch for the per-input path.
    private sealed class InputIntegrator
    {
        private readonly double[] p, z, dz;
        private readonly DormandPrince ode;
        private int input;

        public InputIntegrator(LogitFlow flow, FinetuningObjective objective, SimulationOptions options)
        {
            (p, z, dz) = (new double[flow.LabelCount], new double[flow.LabelCount], new double[flow.LabelCount]);
            ode = new DormandPrince(flow.LabelCount, (_, z, dz) => flow.Velocity(objective, input, z, p, dz),
                options.RelativeTolerance, options.AbsoluteTolerance);
        }

        public (int Accepted, int Rejected, double FinalTime) Integrate(int input, double[] z0, SimulationRecorder recorder)
        {
            this.input = input;
            ode.Reset(0, z0);
            recorder.CheckStart(input, z0, p);
            var times = recorder.Times;
            var snapshot = 0;
            for (; snapshot < times.Length && times[snapshot] <= 0; snapshot++) recorder.RecordInput(snapshot, input, z0, p, dz);
            while (recorder.Continue(ode.Time, snapshot, recorder.Pending(input)))
            {
                ode.Step(recorder.EndTime);
                for (; snapshot < times.Length && times[snapshot] <= ode.Time; snapshot++)
                {
                    ode.Interpolate(times[snapshot], z);
                    recorder.RecordInput(snapshot, input, z, p, dz);
                }
                recorder.CheckStep(input, ode.State, ode.LastStep, z, p);
            }
            return (ode.AcceptedSteps, ode.RejectedSteps, ode.Time);
        }
    }
}
