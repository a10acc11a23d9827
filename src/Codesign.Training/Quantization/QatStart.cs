using Codesign.Core.Numerics;
using Codesign.Core.Quantized;
using Codesign.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Codesign.Training.Quantization;

/// <summary>What every QAT run starts from: the input's format and activation ranges calibrated on the training data.</summary>
internal static class QatStart
{
    /// <summary>The signed format of the plan's input width whose range holds every training feature.</summary>
    public static FixedPointFormat InputFormat(DatasetSplit train, QuantizationPlan plan)
    {
        double max = 0;
        foreach (var value in train.Features)
        {
            max = Math.Max(max, Math.Abs(value));
        }

        return FixedPointFormat.SignedForRange(max, plan.InputBits);
    }

    /// <summary>Runs every training row through <paramref name="calibrate"/> once, as one batch.</summary>
    public static void Calibrate(DatasetSplit train, Action<Tensor> calibrate)
    {
        using var features = torch.tensor(train.Features, [train.RowCount, train.FeatureCount]).clone();
        calibrate(features);
    }
}
