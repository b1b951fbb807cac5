namespace Lectures.Torch.LanguageModel;

/// <summary>One reward-std measurement on the training inputs during a run: mean V, mean STD, the fraction with
/// small STD and the fraction with small STD and low V, after <paramref name="Step"/> steps (phase <paramref name="Phase"/>).</summary>
public sealed record ProbePoint(int Step, string Phase, double MeanReward, double MeanRewardStd, double FractionSmallStd, double FractionSmallStdLowReward);

/// <summary>One finetuning run on a task: its reward-std curve, the final per-input V and STD on the training inputs,
/// the mean reward on the test inputs, and the measurement at the end of each phase.</summary>
public sealed record MethodRun(string Name, IReadOnlyList<ProbePoint> Curve, double[] FinalReward, double[] FinalRewardStd, double TestReward,
    IReadOnlyList<ProbePoint> PhaseEnds);

/// <summary>
/// Everything measured on one task: the pretrained model's per-input V and STD on the training inputs, its test
/// reward, and each finetuning run (keyed by its method's name; <paramref name="RunNames"/> names them by role).
/// </summary>
public sealed record LanguageModelRun(string Task, double UnfamiliarFraction, string[] Inputs, double[] InitialReward, double[] InitialRewardStd,
    double InitialTestReward, IReadOnlyDictionary<string, MethodRun> Runs, double StdThreshold, double LowReward, LanguageModelRunNames RunNames)
{
    /// <summary>Fraction of training inputs with STD &lt; threshold under the pretrained model.</summary>
    public double FractionSmallStd => InitialRewardStd.Count(s => s < StdThreshold) / (double)InitialRewardStd.Length;

    /// <summary>Fraction of training inputs with STD &lt; threshold and V &lt; low-reward level under the pretrained model.</summary>
    public double FractionSmallStdLowReward =>
        Enumerable.Range(0, InitialRewardStd.Length).Count(i => InitialRewardStd[i] < StdThreshold && InitialReward[i] < LowReward) / (double)InitialRewardStd.Length;

    /// <summary>Per training input, the improvement of a run: V_final(x) - V_initial(x).</summary>
    public double[] Improvement(string run) => Runs[run].FinalReward.Select((v, i) => v - InitialReward[i]).ToArray();

    /// <summary>Test reward gained by a run: R_run - R_pretrained (NaN when the run was not made).</summary>
    public double Gain(string run) => TestReward(run) - InitialTestReward;

    /// <summary>Test reward of a run, NaN when the run was not made.</summary>
    public double TestReward(string run) => Runs.TryGetValue(run, out var r) ? r.TestReward : double.NaN;

    /// <summary>RFT's gain relative to SFT's: (R_RFT - R_0) / (R_SFT - R_0) on the test inputs.</summary>
    public double RftGainRelativeToSft => Gain(RunNames.Rft) / Gain(RunNames.Sft);

    /// <summary>Fraction of small-std inputs after the initial SFT phase (the end of the first phase of "SFT then RFT").</summary>
    public double FractionSmallStdAfterSftPhase => SftPhaseEnd?.FractionSmallStd ?? double.NaN;

    /// <summary>Fraction of inputs with small std and low reward after the initial SFT phase.</summary>
    public double FractionSmallStdLowRewardAfterSftPhase => SftPhaseEnd?.FractionSmallStdLowReward ?? double.NaN;

    ProbePoint? SftPhaseEnd => Runs.TryGetValue(RunNames.SftThenRft, out var r) ? r.PhaseEnds[0] : null;

    /// <summary>How much of the gain of full SFT then RFT the cheap SFT phase then RFT recovers:
    /// (R_cheap - R_0) / (R_full - R_0) on the test inputs, R_0 the pretrained model's reward.</summary>
    public double CheapSftRecovery => Gain(RunNames.CheapSftThenRft) / Gain(RunNames.SftThenRft);

    /// <summary>How much of the benefit of full SFT before RFT (over RFT alone) the cheap SFT phase recovers:
    /// (R_cheap - R_RFT) / (R_full - R_RFT) on the test inputs (unstable where the benefit is near zero).</summary>
    public double CheapSftBenefitRecovery =>
        (TestReward(RunNames.CheapSftThenRft) - TestReward(RunNames.Rft))
        / (TestReward(RunNames.SftThenRft) - TestReward(RunNames.Rft));
}
