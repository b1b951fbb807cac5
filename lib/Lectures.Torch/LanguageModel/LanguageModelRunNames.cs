using Lectures.Finetuning;

namespace Lectures.Torch.LanguageModel;

/// <summary>The names of the language-model experiment's runs by role (each a <see cref="FinetuningMethod.Name"/>).</summary>
public sealed record LanguageModelRunNames(string Sft, string Rft, string Reinforce, string SftThenRft, string CheapSftThenRft);
