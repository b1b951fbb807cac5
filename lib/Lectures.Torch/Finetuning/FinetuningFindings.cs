using Lectures.Finetuning;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// How much a heuristic moved the small-std group: gap closed = (V_h - V_RFT) / (V_{SFT then RFT} - V_RFT), final mean
/// rewards; <see cref="LargeFinalReward"/> shows whether the heuristic kept the large-std group fitted.
/// </summary>
public sealed record HeuristicGap(string Method, double SmallFinalReward, double LargeFinalReward, double GapClosed, int DivergedRuns);

/// <summary>
/// The acceptance figures of one (optimiser, task) cell, averaged over seeds. Rewards are the final mean
/// expected rewards of a group unless named initial or after a phase; gains are final minus initial. Small-std fractions are over all
/// training inputs (confidently fitted inputs count too: STD is small near p = 1) and over the modified inputs only;
/// stuck fractions count the training inputs with small std and a wrong prediction.
/// </summary>
public sealed record FinetuningFindings(
    string Optimizer, string Task, int Steps,
    double SmallInitialReward, double LargeInitialReward,
    double RftSmallFinalReward, double SftSmallFinalReward, double ReinforceSmallFinalReward,
    double RftLargeFinalReward, double SftLargeFinalReward,
    double SftThenRftSmallFinalReward, double CheapSmallFinalReward, double CheapSmallRewardAfterSftPhase,
    double SmallStdFractionBefore, double SmallStdFractionAfterSft, double SmallStdFractionAfterCheapSft,
    double ModifiedSmallStdFractionBefore, double ModifiedSmallStdFractionAfterSft, double ModifiedSmallStdFractionAfterCheapSft,
    double StuckFractionBefore, double StuckFractionAfterSft, double StuckFractionAfterCheapSft,
    IReadOnlyList<HeuristicGap> Heuristics)
{
    /// <summary>(RFT small-std gain) / (SFT small-std gain); the claim is that it is below 1/4.</summary>
    public double RftToSftGainRatio => (RftSmallFinalReward - SmallInitialReward) / (SftSmallFinalReward - SmallInitialReward);

    /// <summary>(cheap SFT small-std gain) / (SFT then RFT small-std gain).</summary>
    public double CheapSftFractionOfFull => (CheapSmallFinalReward - SmallInitialReward) / (SftThenRftSmallFinalReward - SmallInitialReward);

    /// <summary>The figures of each (optimiser, task) cell of <paramref name="records"/>.</summary>
    public static IReadOnlyList<FinetuningFindings> From(IReadOnlyList<FinetuningRecord> records, IReadOnlyCollection<RunLabel> diverged,
        FinetuningOptions options)
    {
        // The step where each two-phase method's SFT phase ends, read from the methods themselves.
        var methods = FinetuningMethods.For(options);
        var sftPhase = methods.SftThenRft.Phases[0].Steps;
        var cheapPhase = methods.CheapSftThenRft.Phases[0].Steps;
        var (rftMethod, sftMethod, full, cheap) = (methods.Rft.Name, methods.Sft.Name, methods.SftThenRft.Name, methods.CheapSftThenRft.Name);
        var result = new List<FinetuningFindings>();
        foreach (var cell in records.GroupBy(r => (r.Optimizer, r.Task)))
        {
            var rows = cell.ToList();
            double At(string method, string group, Func<int, int> step, Func<FinetuningRecord, double> value) =>
                rows.Where(r => r.Method == method && r.Group == group).GroupBy(r => r.Seed)
                    .Select(seed => value(seed.Where(r => r.Step == step(seed.Max(x => x.Step))).DefaultIfEmpty(seed.Last()).First()))
                    .DefaultIfEmpty(double.NaN).Average();
            double Final(string method, string group = FinetuningTrainer.SmallStdGroup) => At(method, group, last => last, r => r.MeanReward);
            double Initial(string group) => At(rftMethod, group, _ => 0, r => r.MeanReward);
            double Fraction(string method, int step, string group = FinetuningTrainer.AllGroup) => At(method, group, _ => step, r => r.SmallStdFraction);
            double Stuck(string method, int step) => At(method, FinetuningTrainer.AllGroup, _ => step, r => r.StuckFraction);

            var rft = Final(rftMethod);
            var fullReward = Final(full);
            var heuristics = rows.Select(r => r.Method).Distinct().Where(m => methods.Heuristics.Any(h => h.Name == m))
                .Select(m => new HeuristicGap(m, Final(m), Final(m, FinetuningTrainer.LargeStdGroup), (Final(m) - rft) / (fullReward - rft),
                    diverged.Count(d => d.Method == m && d.Optimizer == cell.Key.Optimizer && d.Task == cell.Key.Task)))
                .ToList();
            result.Add(new FinetuningFindings(cell.Key.Optimizer, cell.Key.Task, options.Methods.Steps,
                Initial(FinetuningTrainer.SmallStdGroup), Initial(FinetuningTrainer.LargeStdGroup),
                rft, Final(sftMethod), Final(methods.Reinforce.Name),
                Final(rftMethod, FinetuningTrainer.LargeStdGroup), Final(sftMethod, FinetuningTrainer.LargeStdGroup),
                fullReward, Final(cheap), At(cheap, FinetuningTrainer.SmallStdGroup, _ => cheapPhase, r => r.MeanReward),
                Fraction(rftMethod, 0), Fraction(full, sftPhase),
                Fraction(cheap, cheapPhase),
                Fraction(rftMethod, 0, FinetuningTrainer.SmallStdGroup),
                Fraction(full, sftPhase, FinetuningTrainer.SmallStdGroup),
                Fraction(cheap, cheapPhase, FinetuningTrainer.SmallStdGroup),
                Stuck(rftMethod, 0), Stuck(full, sftPhase), Stuck(cheap, cheapPhase),
                heuristics));
        }
        return result;
    }

    /// <summary>The figures as (quantity, value) rows for tables.</summary>
    public IReadOnlyList<(string Quantity, string Value)> Rows()
    {
        var rows = new List<(string, string)>
        {
            ("small-std group: initial mean reward", F(SmallInitialReward)),
            ("large-std group: initial mean reward", F(LargeInitialReward)),
            ($"small-std final reward after {Steps} steps: RFT (exact) / REINFORCE / SFT", $"{F(RftSmallFinalReward)} / {F(ReinforceSmallFinalReward)} / {F(SftSmallFinalReward)}"),
            ("small-std gain ratio RFT / SFT (claim: < 0.25)", F(RftToSftGainRatio)),
            ("large-std final reward: RFT / SFT", $"{F(RftLargeFinalReward)} / {F(SftLargeFinalReward)}"),
            ("small-std final reward: SFT then RFT / cheap SFT then RFT", $"{F(SftThenRftSmallFinalReward)} / {F(CheapSmallFinalReward)}"),
            ("small-std reward at the end of the cheap SFT phase (RFT goes on from there)", F(CheapSmallRewardAfterSftPhase)),
            ("cheap SFT gain as a fraction of SFT then RFT gain", F(CheapSftFractionOfFull)),
            ("fraction of inputs with small std: before / after SFT / after cheap SFT",
                $"{F(SmallStdFractionBefore)} / {F(SmallStdFractionAfterSft)} / {F(SmallStdFractionAfterCheapSft)}"),
            ("same, among the modified inputs only",
                $"{F(ModifiedSmallStdFractionBefore)} / {F(ModifiedSmallStdFractionAfterSft)} / {F(ModifiedSmallStdFractionAfterCheapSft)}"),
            ("fraction of inputs stuck (small std, wrong prediction): before / after SFT / after cheap SFT",
                $"{F(StuckFractionBefore)} / {F(StuckFractionAfterSft)} / {F(StuckFractionAfterCheapSft)}"),
        };
        rows.AddRange(Heuristics.Select(h => ($"{h.Method}: small-std final reward, gap closed (claim: < 0.5); large-std final reward",
            $"{F(h.SmallFinalReward)}, {F(h.GapClosed)}; {F(h.LargeFinalReward)}" + (h.DivergedRuns > 0 ? $" ({h.DivergedRuns} runs diverged)" : ""))));
        return rows;
    }

    static string F(double x) => double.IsNaN(x) ? "n/a" : x.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
