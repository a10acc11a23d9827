using Codesign.Core.Numerics;

namespace Codesign.Core.Graph;

/// <summary>One operation of a <see cref="QuantizedGraph"/>: it reads one tensor and writes one.</summary>
public abstract record GraphNode(string Name, string Input, string Output);

/// <summary>
/// Rounds its input half to even onto <see cref="Format"/>'s grid and saturates (QONNX <c>Quant</c> with
/// <c>rounding_mode=ROUND</c>; <c>AP_RND_CONV</c>, <c>AP_SAT</c> in HLS).
/// </summary>
public sealed record QuantNode(string Name, string Input, string Output, FixedPointFormat Format) : GraphNode(Name, Input, Output);

/// <summary>
/// A fully connected layer. Weight codes are stored input-major, <c>WeightCodes[i * Units + o]</c>, the layout of
/// ONNX MatMul's right operand and of hls4ml's weight arrays. The output is the lossless accumulator (see
/// <see cref="AccumulatorFormat"/>); a following <see cref="QuantNode"/> requantizes it.
/// </summary>
public sealed record DenseNode(
    string Name,
    string Input,
    string Output,
    int Inputs,
    int Units,
    FixedPointFormat WeightFormat,
    long[] WeightCodes,
    FixedPointFormat BiasFormat,
    long[] BiasCodes) : GraphNode(Name, Input, Output);

/// <summary>
/// A 2-D convolution over channels-last images ([height, width, channels]). Weight codes are stored
/// <c>[kernelHeight, kernelWidth, inChannels, outChannels]</c>; zero padding; the output is the lossless accumulator.
/// </summary>
public sealed record Conv2dNode(
    string Name,
    string Input,
    string Output,
    Conv2dGeometry Geometry,
    FixedPointFormat WeightFormat,
    long[] WeightCodes,
    FixedPointFormat BiasFormat,
    long[] BiasCodes) : GraphNode(Name, Input, Output);

/// <summary>max(x, 0); the output keeps the input's format.</summary>
public sealed record ReluNode(string Name, string Input, string Output) : GraphNode(Name, Input, Output);

/// <summary>A new shape for the same elements in the same (row-major, channels-last) order; Flatten is the rank-1 case.</summary>
public sealed record ReshapeNode(string Name, string Input, string Output, TensorShape Shape) : GraphNode(Name, Input, Output);

/// <summary>
/// Softmax over a vector by lookup tables (hls4ml's "stable" softmax: the maximum subtracted first). The output is
/// <see cref="SoftmaxTables.OutputFormat"/>; the exact integer semantics are on <see cref="SoftmaxTables"/>.
/// </summary>
public sealed record SoftmaxNode(string Name, string Input, string Output, SoftmaxTables Tables) : GraphNode(Name, Input, Output);
