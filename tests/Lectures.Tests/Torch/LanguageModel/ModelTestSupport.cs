using Lectures.TextTasks;
using Lectures.Torch.LanguageModel;
using Lectures.Torch.Runtime;
using TorchSharp;

namespace Lectures.Tests.Torch.LanguageModel;

static class ModelTestSupport
{
    public static CharacterLanguageModel TinyModel(int seed, int hidden = 32)
    {
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(1);
        return new CharacterLanguageModel(new LanguageModelShape(CharacterVocabulary.Size, EmbeddingSize: 16, HiddenSize: hidden), seed);
    }

    public static float[] Flatten(IEnumerable<torch.Tensor> tensors) =>
        tensors.SelectMany(t => t.detach().cpu().data<float>().ToArray()).ToArray();
}
