using Codesign.Core.Artifacts;
using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Qonnx.Onnx;
using Google.Protobuf;

namespace Codesign.Qonnx;

/// <summary>
/// Writes a <see cref="QuantizedGraph"/> as QONNX in the clean form hls4ml's front end expects: plain ONNX
/// MatMul/Add/Relu/Flatten nodes, Conv in the <c>qonnx.custom_op.channels_last</c> domain with OHWI weights and all
/// five attributes, and a QONNX <c>Quant</c> node (domain <c>qonnx.custom_op.general</c>) on the input, on every
/// weight and bias and wherever the graph rounds. Each Quant carries its fixed-point format as a power-of-two scale
/// (the LSB, 2^-(W-I)), a zero zero-point and the bit width W, with <c>signed</c>, <c>narrow</c>=0 and
/// <c>rounding_mode</c>=ROUND always written. No Constant nodes; every intermediate tensor has its shape in
/// <c>value_info</c>. The same graph always gives the same bytes.
/// </summary>
public static class QonnxWriter
{
    public const string QonnxDomain = "qonnx.custom_op.general";
    public const string ChannelsLastDomain = "qonnx.custom_op.channels_last";
    public const long IrVersion = 8;
    public const long DefaultOpsetVersion = 13;
    public const long QonnxOpsetVersion = 1;
    public const string ProducerName = "codesign";
    public const string BatchDimension = "N";

    /// <summary>The serialized <c>.onnx</c> bytes of <paramref name="graph"/>.</summary>
    public static byte[] Write(QuantizedGraph graph) => Build(graph).ToByteArray();

    /// <summary>Writes the graph to <paramref name="path"/> atomically.</summary>
    public static void Write(QuantizedGraph graph, string path) => AtomicFile.WriteAllBytes(path, Write(graph));

    /// <summary>The ONNX model message, before serialization.</summary>
    public static ModelProto Build(QuantizedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var proto = new GraphProto { Name = graph.Name };
        var builder = new OnnxGraphBuilder(proto, graph);
        proto.Input.Add(OnnxValues.Batched(graph.Input.Name, graph.Input.Shape));
        var usesChannelsLast = false;
        foreach (var node in graph.Nodes)
        {
            switch (node)
            {
                case QuantNode quant:
                    builder.Quant(quant.Name, quant.Input, quant.Output, quant.Format, batched: graph.Tensor(quant.Output).Shape);
                    break;
                case DenseNode dense:
                    WriteDense(builder, dense);
                    break;
                case Conv2dNode conv:
                    WriteConv2d(builder, conv);
                    usesChannelsLast = true;
                    break;
                case ReluNode relu:
                    builder.Node("Relu", relu.Name, [relu.Input], relu.Output);
                    break;
                case ReshapeNode reshape:
                    OnnxValues.WriteReshape(builder, reshape);
                    break;
                case SoftmaxNode:
                    throw new NotSupportedException($"node '{node.Name}' is the firmware's table softmax (hls.output: softmax), which has no QONNX form; the QONNX file carries the logits");
                default:
                    throw new NotSupportedException($"node '{node.Name}' ({node.GetType().Name}) has no QONNX form");
            }
        }

        proto.Output.Add(OnnxValues.Batched(graph.Output.Name, graph.Output.Shape));
        var model = new ModelProto { IrVersion = IrVersion, ProducerName = ProducerName, Graph = proto };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = DefaultOpsetVersion });
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = QonnxDomain, Version = QonnxOpsetVersion });
        if (usesChannelsLast)
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = ChannelsLastDomain, Version = QonnxOpsetVersion });
        }

        return model;
    }

    private static void WriteDense(OnnxGraphBuilder builder, DenseNode dense)
    {
        // MatMul multiplies [N, in] by [in, out]: the IR's input-major weight layout as it is.
        var weight = builder.QuantizedParameter(dense.Name + "_weight", [dense.Inputs, dense.Units], dense.WeightFormat, dense.WeightCodes);
        var bias = builder.QuantizedParameter(dense.Name + "_bias", [dense.Units], dense.BiasFormat, dense.BiasCodes);
        var product = builder.Node("MatMul", dense.Name + "_matmul", [dense.Input, weight], dense.Name + "_matmul_out", builder.ShapeOf(dense.Output));
        builder.Node("Add", dense.Name + "_add", [product, bias], dense.Output);
    }

    private static void WriteConv2d(OnnxGraphBuilder builder, Conv2dNode conv)
    {
        var g = conv.Geometry;

        // hls4ml's channels-last Conv takes OHWI weights; the IR keeps HWIO ([kh, kw, cin, cout]).
        var ohwi = Conv2dWeightLayout.ToOhwi(g, conv.WeightCodes);
        var weight = builder.QuantizedParameter(conv.Name + "_weight", [g.OutChannels, g.KernelHeight, g.KernelWidth, g.InChannels], conv.WeightFormat, ohwi);
        var bias = builder.QuantizedParameter(conv.Name + "_bias", [g.OutChannels], conv.BiasFormat, conv.BiasCodes);
        var node = builder.NodeProto("Conv", conv.Name + "_conv", [conv.Input, weight, bias], conv.Output);
        node.Domain = ChannelsLastDomain;
        OnnxValues.AddConvAttributes(node, g);
    }

    /// <summary>Appends nodes, initializers and value_info entries in one deterministic order.</summary>
    private sealed class OnnxGraphBuilder(GraphProto proto, QuantizedGraph graph) : IOnnxNodeWriter
    {
        NodeProto IOnnxNodeWriter.NodeProto(string opType, string name, string[] inputs, string output) => NodeProto(opType, name, inputs, output);

        public TensorShape ShapeOf(string tensor) => graph.Tensor(tensor).Shape;

        public void Initializer(TensorProto tensor) => proto.Initializer.Add(tensor);

        /// <summary>A node whose output shape is the IR tensor's, batched; value_info unless it is the graph output.</summary>
        public string Node(string opType, string name, string[] inputs, string output, TensorShape? shape = null)
        {
            NodeProto(opType, name, inputs, output, shape);
            return output;
        }

        public NodeProto NodeProto(string opType, string name, string[] inputs, string output, TensorShape? shape = null)
        {
            var node = new NodeProto { Name = name, OpType = opType };
            node.Input.AddRange(inputs);
            node.Output.Add(output);
            proto.Node.Add(node);
            if (output != graph.Output.Name)
            {
                proto.ValueInfo.Add(OnnxValues.Batched(output, shape ?? graph.Tensor(output).Shape));
            }

            return node;
        }

        /// <summary>A float initializer holding code × LSB (exact) and the Quant node that declares its format.</summary>
        public string QuantizedParameter(string name, long[] shape, FixedPointFormat format, long[] codes)
        {
            var values = new float[codes.Length];
            for (var i = 0; i < codes.Length; i++)
            {
                values[i] = (float)format.FromCode(codes[i]);
                if ((double)values[i] != format.FromCode(codes[i]))
                {
                    throw new ArgumentException($"'{name}' code {codes[i]} of {format} is not exact in float32", nameof(codes));
                }
            }

            proto.Initializer.Add(OnnxValues.FloatTensor(name, shape, values));
            Quant(name + "_quant", name, name + "_quantized", format, fixedShape: shape);
            return name + "_quantized";
        }

        /// <summary>A Quant node with its own 0-d scale, zero-point and bit-width initializers.</summary>
        public void Quant(string name, string input, string output, FixedPointFormat format, TensorShape? batched = null, long[]? fixedShape = null)
        {
            proto.Initializer.Add(OnnxValues.FloatTensor(name + "_scale", [], [OnnxValues.ScaleOf(format)]));
            proto.Initializer.Add(OnnxValues.FloatTensor(name + "_zeropt", [], [0f]));
            proto.Initializer.Add(OnnxValues.FloatTensor(name + "_bitwidth", [], [format.TotalBits]));
            var node = new NodeProto { Name = name, OpType = "Quant", Domain = QonnxDomain };
            node.Input.AddRange([input, name + "_scale", name + "_zeropt", name + "_bitwidth"]);
            node.Output.Add(output);

            // Alphabetical, as onnx.helper.make_node orders keyword attributes; all three always present.
            node.Attribute.Add(OnnxValues.Int("narrow", 0));
            node.Attribute.Add(OnnxValues.String("rounding_mode", "ROUND"));
            node.Attribute.Add(OnnxValues.Int("signed", format.IsSigned ? 1 : 0));
            proto.Node.Add(node);
            if (output != graph.Output.Name)
            {
                proto.ValueInfo.Add(fixedShape is null ? OnnxValues.Batched(output, batched!) : OnnxValues.Fixed(output, fixedShape));
            }
        }
    }
}
