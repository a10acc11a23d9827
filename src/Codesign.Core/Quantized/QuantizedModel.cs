using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Core.Spec;

namespace Codesign.Core.Quantized;

/// <summary>
/// One weighted layer after QAT: weights and bias as exactly representable values of their formats, and the format
/// of the layer's output (after its activation). The integer codes are value / LSB.
/// <para>
/// A dense layer has <see cref="Inputs"/> inputs and <see cref="Units"/> outputs, weights in rows per output unit
/// (w[o * Inputs + i]); after an image its inputs are the image flattened channels last. A convolution
/// (<see cref="Convolution"/> set) has <see cref="Inputs"/> input and <see cref="Units"/> output channels, weights in
/// the graph's [kernelHeight, kernelWidth, inChannels, outChannels] order.
/// </para>
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
    FixedPointFormat OutputFormat)
{
    /// <summary>Kernel, stride and padding of a conv2d layer; null for a dense layer.</summary>
    public Conv2dGeometry? Convolution { get; init; }
}

/// <summary>
/// The trained fixed-point model (a classifier, or an autoencoder's encoder): input format and shape, and its
/// weighted layers. The QuantizedGraph IR is built from this.
/// </summary>
public sealed record QuantizedModel(FixedPointFormat InputFormat, IReadOnlyList<QuantizedLayer> Layers)
{
    public FixedPointFormat OutputFormat => Layers[^1].OutputFormat;

    /// <summary>The input tensor, channels last: the first layer's inputs unless an image (set for convolutional models).</summary>
    public TensorShape InputShape { get; init; } = new(Layers.Count > 0 && Layers[0].Convolution is null ? Layers[0].Inputs : 1);
}
