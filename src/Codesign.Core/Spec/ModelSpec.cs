using Codesign.Core.Diagnostics;
using Codesign.Core.Graph;

namespace Codesign.Core.Spec;

public enum LayerKind
{
    Dense,
    Conv2d,
    ConvTranspose2d,
    Flatten,
    Reshape,
}

public enum Activation
{
    None,
    Relu,

    /// <summary>Only on the output of a float decoder: it has no fixed-point form in the hardware part.</summary>
    Sigmoid,
}

/// <summary>Which part of the model a layer belongs to.</summary>
public enum ModelPart
{
    /// <summary>A model without parts (<c>model.layers</c>): every layer goes to hardware.</summary>
    Whole,

    /// <summary><c>model.encoder</c>: the hardware part of an autoencoder.</summary>
    Encoder,

    /// <summary><c>model.decoder</c>: runs off-detector in float and is never quantized.</summary>
    Decoder,
}

/// <summary>What the network is trained to do, which follows from the model's parts.</summary>
public enum ModelTask
{
    /// <summary>One output per class; softmax cross-entropy on labelled data.</summary>
    Classification,

    /// <summary>An encoder and a decoder reproduce their input; reconstruction loss on unlabelled data.</summary>
    Reconstruction,
}

/// <summary>
/// The <c>model:</c> section: a feed-forward stack of layers applied to an input of <see cref="InputShape"/>
/// (channels last). Shapes of every layer are inferred and checked when the spec is read.
/// </summary>
public sealed record ModelSpec(int Inputs, IReadOnlyList<LayerSpec> Layers, SourceSpan Location)
{
    /// <summary>The input tensor: <c>[Inputs]</c>, or <c>[height, width, channels]</c> for images.</summary>
    public TensorShape InputShape { get; init; } = new(Inputs);

    /// <summary>Elements of the last layer's output (the class count of a classifier).</summary>
    public int Outputs => Layers[^1].OutputShape.Size;

    public ModelTask Task => Layers.Any(layer => layer.Part == ModelPart.Decoder) ? ModelTask.Reconstruction : ModelTask.Classification;

    /// <summary>The layers that are quantized and go to hardware: everything but a decoder.</summary>
    public IReadOnlyList<LayerSpec> HardwareLayers => [.. Layers.Where(layer => layer.Part != ModelPart.Decoder)];

    /// <summary>The float decoder of an autoencoder; empty for a classifier.</summary>
    public IReadOnlyList<LayerSpec> DecoderLayers => [.. Layers.Where(layer => layer.Part == ModelPart.Decoder)];
}

/// <summary>
/// One layer. <see cref="Units"/> is a dense layer's outputs or a convolution's filters (output channels); for
/// flatten and reshape it is the element count. Shapes are channels last ([height, width, channels]).
/// </summary>
public sealed record LayerSpec(string Name, LayerKind Kind, int Units, Activation Activation, bool BatchNorm, SourceSpan Location)
{
    /// <summary>Kernel, stride and padding of a conv2d or conv_transpose2d layer; null otherwise.</summary>
    public ConvolutionSpec? Convolution { get; init; }

    public ModelPart Part { get; init; } = ModelPart.Whole;

    public TensorShape InputShape { get; init; } = new(1);

    public TensorShape OutputShape { get; init; } = new(Units);

    /// <summary>Whether the layer has weights (dense and the convolutions); flatten and reshape only move elements.</summary>
    public bool HasWeights => Kind is LayerKind.Dense or LayerKind.Conv2d or LayerKind.ConvTranspose2d;
}

/// <summary>
/// A square convolution kernel. <see cref="Padding"/> is zero padding on every side (<c>same</c> is (kernel−1)/2);
/// <see cref="OutputPadding"/> (transposed convolutions only) adds rows and columns at the bottom and right, as
/// PyTorch's <c>output_padding</c> does.
/// </summary>
public sealed record ConvolutionSpec(int Kernel, int Stride, int Padding, int OutputPadding = 0)
{
    public Conv2dGeometry Geometry(int inChannels, int outChannels) =>
        new(Kernel, Kernel, inChannels, outChannels, Stride, Stride, Padding, Padding, Padding, Padding);
}
