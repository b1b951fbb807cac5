using Lectures.TextTasks;
using TorchSharp;
using static TorchSharp.torch;

namespace Lectures.Torch.LanguageModel;

/// <summary>How outputs are decoded: sampled from softmax(z / tau) or greedy (argmax), at most <see cref="MaxLength"/> tokens.</summary>
public sealed record DecodingOptions(double Temperature = 1, int MaxLength = 12, bool Greedy = false)
{
    /// <summary>Checks tau &gt; 0 and MaxLength &gt;= 1.</summary>
    public DecodingOptions Validated() =>
        Temperature > 0 && MaxLength >= 1 ? this
            : throw new ArgumentException($"Decoding needs a temperature > 0 and a maximum length >= 1; got {Temperature} and {MaxLength}.");
}

/// <summary>An output of the model: its tokens (ending in EOS unless cut at the maximum length) and its text.</summary>
public sealed record SampledOutput(int[] Tokens, string Text);

/// <summary>Greedy and sampled decoding of a <see cref="CharacterLanguageModel"/>.</summary>
public static class Decoding
{
    /// <summary>One token per row of logits [batch, vocabulary], drawn from softmax(z / tau) with <paramref name="generator"/>.</summary>
    public static Tensor SampleNext(Tensor logits, double temperature, Generator generator)
    {
        if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, $"The temperature must be > 0; got {temperature}.");
        using var scaled = logits.DividedBy(temperature);
        using var probabilities = scaled.softmax(-1);
        using var drawn = multinomial(probabilities, 1, replacement: true, generator: generator);
        return drawn.squeeze(1);
    }

    /// <summary>
    /// <paramref name="samplesPerPrompt"/> outputs for each prompt, row i * samplesPerPrompt + s for sample s of prompt i:
    /// y_l ~ softmax(z_l / tau) (or argmax when greedy) until EOS or the maximum length.
    /// </summary>
    public static SampledOutput[] Generate(CharacterLanguageModel model, IReadOnlyList<int[]> prompts, int samplesPerPrompt,
        DecodingOptions options, Generator generator)
    {
        options.Validated();
        if (samplesPerPrompt < 1)
            throw new ArgumentOutOfRangeException(nameof(samplesPerPrompt), samplesPerPrompt, $"Need at least 1 sample per prompt; got {samplesPerPrompt}.");
        var rows = prompts.Count * samplesPerPrompt;
        var flat = new long[rows * CharacterVocabulary.PromptWidth];
        for (var r = 0; r < rows; r++)
        {
            var prompt = prompts[r / samplesPerPrompt];
            for (var j = 0; j < prompt.Length; j++) flat[r * CharacterVocabulary.PromptWidth + j] = prompt[j];
        }
        var tokens = Enumerable.Range(0, rows).Select(_ => new List<int>(options.MaxLength)).ToArray();
        var done = new bool[rows];
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (logits, state) = model.Step(tensor(flat, [rows, CharacterVocabulary.PromptWidth]), null);
        for (var step = 0; step < options.MaxLength; step++)
        {
            var last = logits[.., -1, ..];
            var next = options.Greedy ? last.argmax(-1) : SampleNext(last, options.Temperature, generator);
            var ids = next.data<long>().ToArray();
            var open = 0;
            for (var r = 0; r < rows; r++)
            {
                if (done[r]) continue;
                tokens[r].Add((int)ids[r]);
                if (ids[r] == CharacterVocabulary.Eos) done[r] = true;
                else open++;
            }
            if (open == 0) break;
            (logits, state) = model.Step(next.unsqueeze(1), state);
        }
        return tokens.Select(t => new SampledOutput(t.ToArray(), CharacterVocabulary.Decode(t.ToArray()))).ToArray();
    }
}
