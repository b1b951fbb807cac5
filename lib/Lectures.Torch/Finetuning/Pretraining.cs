using Lectures.Data;
using static TorchSharp.torch;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// Label-set pretraining: minimise (1/n) sum_i CE(u_{S(c_i)}, p(.|x_i)) = -(1/n) sum_i (1/k) sum_{y in S(c_i)} ln p(y|x_i),
/// the cross-entropy against the uniform distribution u on the label set of each input's class, full batch with Adam.
/// The minimum puts 1/k on each label of the set and (asymptotically) nothing elsewhere.
/// </summary>
public static class Pretraining
{
    /// <summary>Trains <paramref name="model"/> in place for <paramref name="steps"/> Adam steps at <paramref name="learningRate"/>; returns the final loss.</summary>
    public static double Run(Mlp model, LabelledImages train, LabelSets sets, int steps, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.ClassCount != train.ClassCount)
            throw new ArgumentException($"The label sets cover {sets.ClassCount} classes but the data has {train.ClassCount}: expected the same.", nameof(sets));
        if (steps < 0 || !(learningRate > 0))
            throw new ArgumentException($"Pretraining with {steps} steps at learning rate {learningRate} is invalid: expected steps >= 0 and a positive rate.", nameof(steps));

        var n = train.Count;
        var k = train.ClassCount;
        var uniform = new double[n * k];
        for (var i = 0; i < n; i++)
            foreach (var y in sets.Sets[train.Labels[i]])
                uniform[i * k + y] = 1.0 / sets.SetSize;
        using var target = tensor(uniform, new long[] { n, k }, model.DType);
        using var inputs = tensor(train.Inputs.SelectMany(x => x).ToArray(), new long[] { n, train.Dimension }, model.DType);
        using var optimizer = optim.Adam(model.parameters(), learningRate);
        var loss = double.NaN;
        for (var step = 0; step <= steps; step++)
        {
            using var scope = NewDisposeScope();
            var value = -(target * nn.functional.log_softmax(model.call(inputs), 1)).sum(1).mean();
            loss = value.to_type(ScalarType.Float64).item<double>();
            if (step == steps) break;
            optimizer.zero_grad();
            value.backward();
            optimizer.step();
        }
        return loss;
    }
}
