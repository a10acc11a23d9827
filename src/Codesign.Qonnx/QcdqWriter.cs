using System.Globalization;
using Codesign.Core.Artifacts;
using Codesign.Core.Graph;
using Codesign.Qonnx.Onnx;
using Google.Protobuf;

namespace Codesign.Qonnx;

/// <summary>
/// Writes a <see cref="QuantizedGraph"/> as standard ONNX in QCDQ form, which ONNX Runtime and other stock runtimes
/// execute: each Quant becomes QuantizeLinear → Clip → DequantizeLinear (power-of-two scale = the LSB, zero point 0;
/// see <see cref="QcdqEncoding"/> for the element type per width), weights and biases are integer initializers
/// followed by DequantizeLinear, Dense is MatMul + Add, Conv2d is a standard NCHW Conv between two Transposes so the
/// graph's input and output stay channels-last like the IR. The model runs in float32: quantization is exact, and
/// accumulations are exact wherever <see cref="QcdqAccumulation"/> says so; the model's doc_string names the layers
/// where float32 sums can round. The same graph always gives the same bytes.
/// </summary>
/// <remarks>
/// Checked against <see cref="Execution.GraphExecutor"/> in ONNX Runtime 1.31.1 at every optimization level, which
/// fuses the QDQ patterns into integer kernels from level Extended on. One ONNX Runtime bug remains: in an opset-21
/// model (any 9–16-bit activation), a signed 8-bit activation that reaches a Conv through the Transpose fails to load
/// at level Extended and up ("output_dtype INT8 does not match y_zero_point type UINT8", its S8-to-U8 rewrite);
/// session config <c>session.qdqisint8allowed=1</c> or level Basic avoids it.
/// </remarks>
public static partial class QcdqWriter
{
    /// <summary>IR 8 / opset 13 (onnx 1.10+, Debian's onnx 1.12) when every activation fits 8 bits.</summary>
    public const long IrVersion = 8;
    public const long DefaultOpsetVersion = 13;

    /// <summary>int16/uint16 QuantizeLinear needs opset 21, which needs IR 10 (onnx 1.16+; ONNX Runtime 1.17+).</summary>
    public const long SixteenBitIrVersion = 10;
    public const long SixteenBitOpsetVersion = 21;

    /// <summary>The serialized <c>.onnx</c> bytes of <paramref name="graph"/>.</summary>
    public static byte[] Write(QuantizedGraph graph) => Build(graph).ToByteArray();

    /// <summary>Writes the graph to <paramref name="path"/> atomically.</summary>
    public static void Write(QuantizedGraph graph, string path) => AtomicFile.WriteAllBytes(path, Write(graph));

    /// <summary>The ONNX model message, before serialization.</summary>
    public static ModelProto Build(QuantizedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var proto = new GraphProto { Name = graph.Name };
        var builder = new QcdqGraphBuilder(proto, graph);
        proto.Input.Add(QcdqTensors.Batched(graph.Input.Name, graph.Input.Shape, TensorProto.Types.DataType.Float));
        foreach (var node in graph.Nodes)
        {
            switch (node)
            {
                case QuantNode quant:
                    builder.Quantize(quant.Name, quant.Input, quant.Output, quant.Format);
                    break;
                case DenseNode dense:
                    WriteDense(builder, dense);
                    break;
                case Conv2dNode conv:
                    WriteConv2d(builder, conv);
                    break;
                case ReluNode relu:
                    builder.Node("Relu", relu.Name, [relu.Input], relu.Output);
                    break;
                case ReshapeNode reshape:
                    OnnxValues.WriteReshape(builder, reshape);
                    break;
                case SoftmaxNode:
                    throw new NotSupportedException($"node '{node.Name}' is the firmware's table softmax (hls.output: softmax), which has no QCDQ form; the QCDQ file carries the logits");
                default:
                    throw new NotSupportedException($"node '{node.Name}' ({node.GetType().Name}) has no QCDQ form");
            }
        }

        proto.Output.Add(QcdqTensors.Batched(graph.Output.Name, graph.Output.Shape, TensorProto.Types.DataType.Float));
        var sixteenBit = builder.UsesOpset21;
        var model = new ModelProto
        {
            IrVersion = sixteenBit ? SixteenBitIrVersion : IrVersion,
            ProducerName = QonnxWriter.ProducerName,
            DocString = DocString(graph),
            Graph = proto,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = sixteenBit ? SixteenBitOpsetVersion : DefaultOpsetVersion });
        return model;
    }

    private static void WriteDense(QcdqGraphBuilder builder, DenseNode dense)
    {
        // MatMul multiplies [N, in] by [in, out]: the IR's input-major weight layout as it is.
        var (weight, bias) = builder.WeightsAndBias(dense.Name, builder.FormatOf(dense.Input), [dense.Inputs, dense.Units], dense.WeightFormat, dense.WeightCodes, dense.BiasFormat, dense.BiasCodes);
        var product = builder.Node("MatMul", dense.Name + "_matmul", [dense.Input, weight], dense.Name + "_matmul_out", builder.ShapeOf(dense.Output));
        builder.Node("Add", dense.Name + "_add", [product, bias], dense.Output);
    }

    private static void WriteConv2d(QcdqGraphBuilder builder, Conv2dNode conv)
    {
        var g = conv.Geometry;

        // Standard Conv is NCHW with OIHW weights; the IR keeps NHWC activations and HWIO ([kh, kw, cin, cout]) weights.
        var oihw = Conv2dWeightLayout.ToOihw(g, conv.WeightCodes);
        var (weight, bias) = builder.WeightsAndBias(conv.Name, builder.FormatOf(conv.Input), [g.OutChannels, g.InChannels, g.KernelHeight, g.KernelWidth], conv.WeightFormat, oihw, conv.BiasFormat, conv.BiasCodes);
        var input = builder.ShapeOf(conv.Input);
        var output = builder.ShapeOf(conv.Output);
        var nchw = builder.Transpose(conv.Name + "_to_nchw", conv.Input, conv.Name + "_nchw_in", [0, 3, 1, 2], new TensorShape(input[2], input[0], input[1]));
        var node = builder.NodeProto("Conv", conv.Name + "_conv", [nchw, weight, bias], conv.Name + "_nchw_out", new TensorShape(output[2], output[0], output[1]));
        OnnxValues.AddConvAttributes(node, g);
        builder.Transpose(conv.Name + "_to_nhwc", conv.Name + "_nchw_out", conv.Output, [0, 2, 3, 1], output);
    }

    /// <summary>What a reader of the file needs to know: the representation and where float32 sums may round.</summary>
    private static string DocString(QuantizedGraph graph)
    {
        var inexact = graph.Nodes
            .Where(node => node is DenseNode or Conv2dNode && !QcdqAccumulation.IsExact(graph, node))
            .Select(node => string.Create(CultureInfo.InvariantCulture, $"{node.Name} ({graph.OutputOf(node).Format!.Value.TotalBits}-bit accumulator)"))
            .ToList();
        return "QCDQ form of the fixed-point graph '" + graph.Name + "' (codesign). Scales are powers of two (the LSB), zero points 0. "
            + "Quantization of up to 8 bits: QuantizeLinear to int8/uint8, Clip to the format's codes when narrower, DequantizeLinear; "
            + "9-16 bits: QuantizeLinear to int16/uint16 (opset 21) and DequantizeLinear, with a float Clip to the format's range before them when narrower than 16 bits "
            + "(ONNX Runtime has no int16 Clip); 17-24 bits: Div, Round (half to even), Clip, Mul in float32. "
            + "Weights: int8/uint8 (up to 8 bits) or int32 initializers and DequantizeLinear; biases: int32 with scale = input scale x weight scale and DequantizeLinear "
            + "(weights are shifted onto a finer scale where the bias is finer than the products). "
            + "Conv runs NCHW between Transposes; inputs and outputs are channels-last. "
            + (inexact.Count == 0
                ? "Every MatMul/Conv accumulation fits 24 significant bits, so float32 execution is bit-exact."
                : "Float32 MatMul/Conv sums can round (accumulation wider than 24 significant bits) in: " + string.Join(", ", inexact) + "; elsewhere execution is bit-exact.");
    }
}
