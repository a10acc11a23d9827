using Codesign.Core.Diagnostics;

namespace Codesign.Core.Spec;

public enum PrecisionMode
{
    /// <summary>Every layer gets the same weight and activation widths: the baseline mixed precision must beat.</summary>
    Uniform,

    /// <summary>Widths per layer come from the Hessian-aware bit allocation.</summary>
    Mixed,
}

/// <summary>
/// The <c>precision:</c> section: fixed-point widths of the quantized model. Integer bits are not given here:
/// they follow from the ranges (weights: per tensor, from the weight range; activations: from the observed
/// range during QAT warm-up; input: from the training data), always as powers of two.
/// </summary>
public sealed record PrecisionSpec(
    PrecisionMode Mode,
    int WeightBits,
    int ActivationBits,
    int InputBits,
    int OutputBits,
    SourceSpan Location);

/// <summary>The <c>qat:</c> section: quantization-aware fine-tuning, starting from the float weights.</summary>
public sealed record QatSpec(TrainingSpec Settings, int ActivationWarmupEpochs, double RangeMomentum, double RangeQuantile, SourceSpan Location);
