using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lectures.Torch.LanguageModel;

/// <summary>The size of a <see cref="CharacterLanguageModel"/>.</summary>
public sealed record LanguageModelShape(int VocabularySize, int EmbeddingSize = 32, int HiddenSize = 160, int Layers = 1)
{
    /// <summary>Checks that every size is positive.</summary>
    public LanguageModelShape Validated() =>
        VocabularySize > 0 && EmbeddingSize > 0 && HiddenSize > 0 && Layers > 0 ? this
            : throw new ArgumentException($"Every size of a language model must be positive; got {this}.");
}

/// <summary>
/// A character-level autoregressive model: z_l = W h_l + b with h_l = GRU(h_{l-1}, E[y_{l-1}]), so
/// p(y_l | x, y_&lt;l) = softmax(z_l / tau). Parameters are float32, initialised after torch.manual_seed(seed).
/// </summary>
public sealed class CharacterLanguageModel : nn.Module<Tensor, Tensor>
{
    readonly Embedding embedding;
    readonly GRU gru;
    readonly Linear head;

    /// <summary>A model of the given shape with weights drawn after torch.manual_seed(<paramref name="seed"/>).</summary>
    public CharacterLanguageModel(LanguageModelShape shape, int seed) : base(nameof(CharacterLanguageModel))
    {
        Shape = shape.Validated();
        Runtime.TorchRuntime.EnsureLoaded();
        torch.manual_seed(seed);
        embedding = nn.Embedding(shape.VocabularySize, shape.EmbeddingSize);
        gru = nn.GRU(shape.EmbeddingSize, shape.HiddenSize, shape.Layers, batchFirst: true);
        head = nn.Linear(shape.HiddenSize, shape.VocabularySize);
        RegisterComponents();
    }

    /// <summary>The model's sizes.</summary>
    public LanguageModelShape Shape { get; }

    /// <summary>The number of trainable parameters.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>Logits z_l of the next token at every position of tokens [batch, length]: [batch, length, vocabulary].</summary>
    public override Tensor forward(Tensor tokens) => Step(tokens, null).Logits;

    /// <summary>Logits at every position of tokens [batch, length] continuing from GRU state <paramref name="state"/>
    /// (null: zeros), with the state after the last position.</summary>
    public (Tensor Logits, Tensor State) Step(Tensor tokens, Tensor? state)
    {
        using var embedded = embedding.forward(tokens);
        var (hidden, last) = gru.forward(embedded, state);
        using (hidden) return (head.forward(hidden), last);
    }

    /// <summary>A new model with the same shape and a copy of this model's weights (e.g. the frozen initial model).</summary>
    public CharacterLanguageModel Clone()
    {
        var copy = new CharacterLanguageModel(Shape, 0);
        copy.CopyWeightsFrom(this);
        return copy;
    }

    /// <summary>Overwrites this model's weights with those of <paramref name="source"/> (same shape).</summary>
    public void CopyWeightsFrom(CharacterLanguageModel source)
    {
        if (source.Shape != Shape)
            throw new ArgumentException($"Cannot copy weights of a {source.Shape} model into a {Shape} model.", nameof(source));
        using var noGrad = torch.no_grad();
        foreach (var (target, from) in parameters().Zip(source.parameters())) target.copy_(from);
    }

    /// <summary>Writes the shape and weights to <paramref name="path"/> (TorchSharp format after a small header).</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        writer.Write(Header);
        writer.Write(Shape.VocabularySize);
        writer.Write(Shape.EmbeddingSize);
        writer.Write(Shape.HiddenSize);
        writer.Write(Shape.Layers);
        save(writer);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static CharacterLanguageModel Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No language model checkpoint at '{path}'.", path);
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Reads a model written by <see cref="Save"/> from a stream (e.g. an embedded resource); <paramref name="name"/> is used in errors.</summary>
    public static CharacterLanguageModel Load(Stream stream, string name)
    {
        using var reader = new BinaryReader(stream);
        var header = reader.ReadString();
        if (header != Header)
            throw new ArgumentException($"'{name}' is not a language model checkpoint (header '{header}', expected '{Header}').", nameof(stream));
        var shape = new LanguageModelShape(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        var model = new CharacterLanguageModel(shape, 0);
        model.load(reader);
        return model;
    }

    /// <summary>The name of the checkpoint shipped in datasets/ and embedded in the Lectures assembly.</summary>
    public const string ShippedResourceName = "Lectures.datasets.lm-pretrained.lm";

    /// <summary>The pretrained checkpoint shipped with the kit (datasets/lm-pretrained.lm; its seed and command are in datasets/README.md).</summary>
    public static CharacterLanguageModel LoadShipped()
    {
        using var stream = typeof(Lectures.TextTasks.TextBenchmark).Assembly.GetManifestResourceStream(ShippedResourceName)
            ?? throw new InvalidOperationException($"The Lectures assembly has no embedded resource '{ShippedResourceName}'.");
        return Load(stream, ShippedResourceName);
    }

    const string Header = "Lectures.CharacterLanguageModel/1";
}
