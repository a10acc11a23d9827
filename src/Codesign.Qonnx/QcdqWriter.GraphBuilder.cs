using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Qonnx.Onnx;

namespace Codesign.Qonnx;

public static partial class QcdqWriter
{
    /// <summary>Appends nodes, initializers and typed value_info entries in one deterministic order.</summary>
    private sealed class QcdqGraphBuilder(GraphProto proto, QuantizedGraph graph) : IOnnxNodeWriter
    {
        NodeProto IOnnxNodeWriter.NodeProto(string opType, string name, string[] inputs, string output) => NodeProto(opType, name, inputs, output);

        private const TensorProto.Types.DataType Float = TensorProto.Types.DataType.Float;

        /// <summary>True once an int16/uint16 tensor was written: the model then needs opset 21.</summary>
        public bool UsesOpset21 { get; private set; }

        public TensorShape ShapeOf(string tensor) => graph.Tensor(tensor).Shape;

        public FixedPointFormat FormatOf(string tensor) => graph.Tensor(tensor).Format!.Value;

        public void Initializer(TensorProto tensor) => proto.Initializer.Add(tensor);

        /// <summary>A float node whose output has the batched shape given (the IR tensor's by default).</summary>
        public string Node(string opType, string name, string[] inputs, string output, TensorShape? shape = null)
        {
            NodeProto(opType, name, inputs, output, shape);
            return output;
        }

        public NodeProto NodeProto(string opType, string name, string[] inputs, string output, TensorShape? shape = null, TensorProto.Types.DataType type = Float)
        {
            var node = new NodeProto { Name = name, OpType = opType };
            node.Input.AddRange(inputs);
            node.Output.Add(output);
            proto.Node.Add(node);
            if (output != graph.Output.Name)
            {
                proto.ValueInfo.Add(QcdqTensors.Batched(output, shape ?? graph.Tensor(output).Shape, type));
            }

            return node;
        }

        public string Transpose(string name, string input, string output, long[] permutation, TensorShape shape)
        {
            var node = NodeProto("Transpose", name, [input], output, shape);
            node.Attribute.Add(OnnxValues.Ints("perm", permutation));
            return output;
        }

        /// <summary>
        /// A Quant node: round half to even onto <paramref name="format"/>'s grid and saturate, in the form
        /// <see cref="QcdqEncoding.ForActivation"/> picks.
        /// </summary>
        public void Quantize(string name, string input, string output, FixedPointFormat format)
        {
            var encoding = QcdqEncoding.ForActivation(format, output);
            var shape = ShapeOf(output);
            var scale = name + "_scale";
            proto.Initializer.Add(OnnxValues.FloatTensor(scale, [], [OnnxValues.ScaleOf(format)]));
            if (encoding.Form == QcdqEncoding.Kind.Float32Rounding)
            {
                // x / 2^-F is exact, Round is half to even, and codes of at most 24 bits are float32 values.
                var scaled = Node("Div", name + "_divide", [input, scale], name + "_scaled", shape);
                var rounded = Node("Round", name + "_round", [scaled], name + "_rounded", shape);
                proto.Initializer.Add(OnnxValues.FloatTensor(name + "_min", [], [format.MinCode]));
                proto.Initializer.Add(OnnxValues.FloatTensor(name + "_max", [], [format.MaxCode]));
                var clipped = Node("Clip", name + "_clip", [rounded, name + "_min", name + "_max"], name + "_clipped", shape);
                Node("Mul", name + "_multiply", [clipped, scale], output);
                return;
            }

            var type = encoding.ElementType;
            UsesOpset21 |= encoding.NeedsOpset21;
            var clip = QcdqEncoding.NeedsClip(format, encoding);
            var real = input;
            if (clip && !encoding.ClipsCodes)
            {
                // No int16 Clip in ONNX Runtime: saturate the value to the format's range before rounding instead.
                proto.Initializer.Add(OnnxValues.FloatTensor(name + "_min", [], [(float)format.MinValue]));
                proto.Initializer.Add(OnnxValues.FloatTensor(name + "_max", [], [(float)format.MaxValue]));
                real = Node("Clip", name + "_clip", [input, name + "_min", name + "_max"], name + "_clipped", shape);
            }

            var zeroPoint = name + "_zero_point";
            proto.Initializer.Add(QcdqTensors.Integers(zeroPoint, type, [], [0]));

            // QuantizeLinear rounds half to even and saturates to the element type: the format's codes when it is as wide.
            var codes = NodeProto("QuantizeLinear", name + "_quantize", [real, scale, zeroPoint], name + "_codes", shape, type).Output[0];
            if (clip && encoding.ClipsCodes)
            {
                proto.Initializer.Add(QcdqTensors.Integers(name + "_min", type, [], [format.MinCode]));
                proto.Initializer.Add(QcdqTensors.Integers(name + "_max", type, [], [format.MaxCode]));
                codes = NodeProto("Clip", name + "_clip", [codes, name + "_min", name + "_max"], name + "_clipped", shape, type).Output[0];
            }

            Node("DequantizeLinear", name + "_dequantize", [codes, scale, zeroPoint], output);
        }

        /// <summary>
        /// A layer's weights and bias as QDQ runtimes expect them: the bias as int32 codes whose scale is input LSB ×
        /// weight LSB. ONNX Runtime relies on that: its fused integer kernels (QGemm, QLinearConv) add the int32 bias to
        /// the int32 products as they are, and its MatMul+Add fusion even rounds a float bias onto that grid. Both are
        /// written on the accumulator grid (<see cref="AccumulatorFormat.OnAccumulatorGrid"/>): where the bias is finer
        /// than the products, the weight codes are shifted left and their scale made finer by as many bits (same
        /// values, wider codes), so the bias grid is the product grid and nothing is rounded.
        /// </summary>
        /// <param name="weightCodes">Weights in the order of <paramref name="weightShape"/>.</param>
        public (string Weight, string Bias) WeightsAndBias(string layer, FixedPointFormat input, long[] weightShape, FixedPointFormat weight, long[] weightCodes, FixedPointFormat bias, long[] biasCodes)
        {
            var (weights, biases) = AccumulatorFormat.OnAccumulatorGrid(input, weight, weightCodes, bias, biasCodes);
            var fraction = AccumulatorFormat.FractionalBits(input, weight, bias);
            var shift = fraction - (input.FractionalBits + weight.FractionalBits);
            var weightOnGrid = new FixedPointFormat(weight.IsSigned, weight.TotalBits + shift, weight.IntegerBits);
            var biasOnGrid = new FixedPointFormat(true, 32, 32 - fraction);
            return (Parameter(layer + "_weight", weightShape, weightOnGrid, weights), Parameter(layer + "_bias", [biases.Length], biasOnGrid, biases));
        }

        /// <summary>A weight or bias: integer codes, their scale and a DequantizeLinear to float32 (exact).</summary>
        public string Parameter(string name, long[] shape, FixedPointFormat format, long[] codes)
        {
            foreach (var code in codes)
            {
                // DequantizeLinear converts the code to float32 before scaling; past 24 significant bits that rounds.
                if ((long)(float)code != code)
                {
                    throw new ArgumentException($"'{name}' code {code} of {format} is not exact in float32", nameof(codes));
                }
            }

            var encoding = QcdqEncoding.ForParameter(format);
            var type = encoding.ElementType;
            proto.Initializer.Add(QcdqTensors.Integers(name + "_codes", type, shape, codes));
            proto.Initializer.Add(OnnxValues.FloatTensor(name + "_scale", [], [OnnxValues.ScaleOf(format)]));
            proto.Initializer.Add(QcdqTensors.Integers(name + "_zero_point", type, [], [0]));
            var node = new NodeProto { Name = name + "_dequantize", OpType = "DequantizeLinear" };
            node.Input.AddRange([name + "_codes", name + "_scale", name + "_zero_point"]);
            node.Output.Add(name);
            proto.Node.Add(node);
            proto.ValueInfo.Add(QcdqTensors.Fixed(name, shape, Float));
            return name;
        }
    }
}
