using Lectures.Finetuning;

namespace Lectures.Torch.LanguageModel;

/// <summary>The names of the language-model experiment's runs by role (each a <see cref="FinetuningMethod.Name"/>).</summary>
public sealed record LanguageModelRunNames(string Sft, string Rft, string Reinforce, string SftThenRft, string CheapSftThenRft)
{
    /// <summary>
    /// Today's name of a run named <paramref name="name"/> before method names were built from the phases ("SFT then
    /// RFT", "small SFT then RFT"), so that run folders recorded then still resume; other names are returned unchanged.
    /// </summary>
    public string Renamed(string name) => name switch
    {
        "SFT then RFT" => SftThenRft,
        "small SFT then RFT" => CheapSftThenRft,
        _ => name,
    };

    /// <summary>
    /// A run's column prefix in the CSV files, the same in every version: "sft", "rft__ppo_", "rft__reinforce_",
    /// "sft_then_rft", "small_sft_then_rft".
    /// </summary>
    public string Column(string run) =>
        run == SftThenRft ? "sft_then_rft"
        : run == CheapSftThenRft ? "small_sft_then_rft"
        : new(run.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}
