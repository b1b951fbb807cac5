namespace Lectures.TextTasks;

/// <summary>
/// The character vocabulary of the kit's language model: padding, begin and end tokens, then space, '&gt;', '?',
/// letters a..z, digits and the task tags. A prompt is [BOS, tag, input characters, '&gt;'] left-padded to
/// <see cref="PromptWidth"/>; an output is its characters then EOS.
/// </summary>
public static class CharacterVocabulary
{
    /// <summary>The padding token id.</summary>
    public const int Pad = 0;

    /// <summary>The begin-of-sequence token id.</summary>
    public const int Bos = 1;

    /// <summary>The end-of-sequence token id.</summary>
    public const int Eos = 2;

    /// <summary>Every prompt is left-padded to this many tokens.</summary>
    public const int PromptWidth = 14;

    const string Characters = " >?abcdefghijklmnopqrstuvwxyz0123456789CRSITL";

    /// <summary>The number of token ids: 3 special tokens plus the characters.</summary>
    public static int Size => 3 + Characters.Length;

    /// <summary>The token id of character <paramref name="c"/>.</summary>
    public static int Id(char c)
    {
        var index = Characters.IndexOf(c);
        return index >= 0 ? 3 + index
            : throw new ArgumentException($"Character '{c}' is not in the vocabulary \"{Characters}\".", nameof(c));
    }

    /// <summary>The prompt tokens [Pad..., BOS, tag, input..., '&gt;'], exactly <see cref="PromptWidth"/> long.</summary>
    public static int[] Prompt(TextTask task, string input)
    {
        var length = input.Length + 3;
        if (length > PromptWidth)
            throw new ArgumentException($"Input '{input}' needs a prompt of {length} tokens; at most {PromptWidth} fit.", nameof(input));
        var prompt = new int[PromptWidth];
        var start = PromptWidth - length;
        prompt[start] = Bos;
        prompt[start + 1] = Id(task.Tag);
        for (var i = 0; i < input.Length; i++) prompt[start + 2 + i] = Id(input[i]);
        prompt[PromptWidth - 1] = Id('>');
        return prompt;
    }

    /// <summary>The output tokens: the characters of <paramref name="output"/> then EOS.</summary>
    public static int[] Output(string output) => [.. output.Select(Id), Eos];

    /// <summary>The text of output tokens, up to the first EOS or padding token.</summary>
    public static string Decode(ReadOnlySpan<int> tokens)
    {
        var chars = new List<char>(tokens.Length);
        foreach (var t in tokens)
        {
            if (t == Eos || t == Pad) break;
            chars.Add(t == Bos ? '^' : Characters[t - 3]);
        }
        return new string(chars.ToArray());
    }
}
