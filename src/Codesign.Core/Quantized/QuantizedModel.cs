using Codesign.Core.Numerics;
using Codesign.Core.Spec;

namespace Codesign.Core.Quantized;

/// <summary>
/// One dense layer after QAT: weights and bias as exactly representable values of their formats, and the format
/// of the layer's output (after its activation). The integer codes are value / LSB.
/// </summary>
public sealed record QuantizedLayer(
    string Name,
    int Inputs,
    int Units,
    Activation Activation,
    FixedPointFormat WeightFormat,
    float[] Weights,
    FixedPointFormat BiasFormat,
    float[] Biases,
    FixedPointFormat OutputFormat);

/// <summary>The trained fixed-point model: input format and layers. The QuantizedGraph IR is built from this.</summary>
public sealed record QuantizedModel(FixedPointFormat InputFormat, IReadOnlyList<QuantizedLayer> Layers)
{
    public FixedPointFormat OutputFormat => Layers[^1].OutputFormat;
}
