namespace Codesign.Training.Quantization;

/// <summary>Widths of one dense layer: its weights and its output activation.</summary>
public sealed record LayerPrecision(int WeightBits, int ActivationBits);

/// <summary>
/// The widths QAT trains for: the input, each layer (uniform or from the bit allocation) and the output logits.
/// Integer bits are not part of the plan: they follow from the ranges, as powers of two.
/// </summary>
public sealed record QuantizationPlan(int InputBits, IReadOnlyList<LayerPrecision> Layers, int OutputBits)
{
    public static QuantizationPlan Uniform(int layers, int weightBits, int activationBits, int inputBits, int outputBits) =>
        new(inputBits, Enumerable.Repeat(new LayerPrecision(weightBits, activationBits), layers).ToList(), outputBits);
}
