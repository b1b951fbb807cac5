namespace Lectures.Finetuning;

/// <summary>
/// One tidy row of a controlled finetuning experiment: at <see cref="Step"/> of run (method, optimizer, task, seed), the statistics of one group of training inputs ("small-std" = modified inputs, "large-std" = the
/// rest, "all"). Rewards and stds are of the model's policy softmax(z) (temperature 1) with all labels enumerated:
/// V(x) = sum_y p(y|x) r(x, y), STD(x) = sqrt(sum_y p(y|x) (r(x, y) - V(x))^2).
/// </summary>
/// <param name="Method">The finetuning method, e.g. "RFT (exact gradient)" or "SFT then RFT".</param>
/// <param name="Optimizer">The optimiser and base learning rate, e.g. "SGD lr 0.05".</param>
/// <param name="Task">The task variant: how inputs were relabelled and the reward of a wrong answer on them, e.g. "random inputs relabelled, wrong -1".</param>
/// <param name="Seed">The seed of the split, pretraining, task and sampling.</param>
/// <param name="Step">Optimisation steps taken so far (0 = the pretrained model).</param>
/// <param name="Phase">The objective trained at this step (e.g. "SFT" during the initial SFT phase).</param>
/// <param name="Group">"small-std", "large-std" or "all".</param>
/// <param name="MeanReward">Mean of V(x) over the group.</param>
/// <param name="Accuracy">Fraction of the group whose most probable label is the target.</param>
/// <param name="GradientNorm">||grad_theta of the group's mean objective|| (for "all": the step's gradient).</param>
/// <param name="MeanRewardStd">Mean of STD(x) over the group.</param>
/// <param name="RewardStdP10">10th percentile of STD(x) over the group.</param>
/// <param name="SmallStdFraction">Fraction of the group with STD(x) below the experiment's threshold.</param>
/// <param name="StuckFraction">Fraction of the group with STD(x) below the threshold whose most probable label is wrong (confidently wrong: RFT barely moves them).</param>
public sealed record FinetuningRecord(
    string Method, string Optimizer, string Task, int Seed, int Step, string Phase, string Group,
    double MeanReward, double Accuracy, double GradientNorm, double MeanRewardStd, double RewardStdP10, double SmallStdFraction, double StuckFraction);
