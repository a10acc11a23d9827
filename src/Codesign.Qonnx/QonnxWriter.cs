using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Codesign.Core.Artifacts;
using Codesign.Core.Numerics;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Qonnx.Onnx;
using Google.Protobuf;

namespace Codesign.Qonnx;

/// <summary>
/// Writes a <see cref="QuantizedModel"/> as a QONNX model: plain ONNX MatMul/Add/Relu nodes with a QONNX
/// <c>Quant</c> node (domain <c>qonnx.custom_op.general</c>) on the input, on every weight and bias tensor and on every
/// layer output. Each Quant carries its fixed-point format as a power-of-two scale (the LSB, 2^-(W-I)), a zero
/// zero-point and the bit width W, with <c>signed</c>, <c>narrow</c>=0 and <c>rounding_mode</c>=ROUND written
/// explicitly, which is the form hls4ml's QONNX front end turns back into <c>ap_fixed&lt;W,I&gt;</c> types. The same
/// model always gives the same bytes.
/// </summary>
public static class QonnxWriter
{
    public const string QonnxDomain = "qonnx.custom_op.general";
    public const long IrVersion = 8;
    public const long DefaultOpsetVersion = 13;
    public const long QonnxOpsetVersion = 1;
    public const string ProducerName = "codesign";
    public const string InputName = "global_in";
    public const string OutputName = "global_out";
    public const string BatchDimension = "N";

    /// <summary>The serialized <c>.onnx</c> bytes of <paramref name="model"/>; <paramref name="name"/> names the graph.</summary>
    public static byte[] Write(QuantizedModel model, string name) => Build(model, name).ToByteArray();

    /// <summary>Writes the model to <paramref name="path"/> atomically.</summary>
    public static void Write(QuantizedModel model, string name, string path) => AtomicFile.WriteAllBytes(path, Write(model, name));

    /// <summary>The ONNX model message, before serialization.</summary>
    public static ModelProto Build(QuantizedModel model, string name)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (model.Layers.Count == 0)
        {
            throw new ArgumentException("a QONNX model needs at least one layer", nameof(model));
        }

        var graph = new GraphProto { Name = name };
        var builder = new GraphBuilder(graph);
        var features = model.Layers[0].Inputs;
        graph.Input.Add(TensorValue(InputName, Batched(features)));

        var current = builder.Quant($"{InputName}_quant", InputName, $"{InputName}_quantized", model.InputFormat, Batched(features));
        var width = features;
        var layerNames = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < model.Layers.Count; index++)
        {
            var layer = model.Layers[index];
            Validate(layer, width);
            var prefix = TensorName(layer.Name);
            if (!layerNames.Add(prefix) || prefix is InputName or OutputName)
            {
                throw new ArgumentException($"layer name '{layer.Name}' gives the tensor prefix '{prefix}', which is not unique", nameof(model));
            }

            // MatMul multiplies [N, in] by [in, out]; the model stores rows per output unit (w[o * in + i]).
            var transposed = new float[layer.Inputs * layer.Units];
            for (var o = 0; o < layer.Units; o++)
            {
                for (var i = 0; i < layer.Inputs; i++)
                {
                    transposed[(i * layer.Units) + o] = layer.Weights[(o * layer.Inputs) + i];
                }
            }

            long[] weightShape = [layer.Inputs, layer.Units];
            long[] biasShape = [layer.Units];
            graph.Initializer.Add(FloatTensor($"{prefix}_weight", weightShape, transposed));
            var weight = builder.Quant($"{prefix}_weight_quant", $"{prefix}_weight", $"{prefix}_weight_quantized", layer.WeightFormat, Fixed(weightShape));
            graph.Initializer.Add(FloatTensor($"{prefix}_bias", biasShape, layer.Biases));
            var bias = builder.Quant($"{prefix}_bias_quant", $"{prefix}_bias", $"{prefix}_bias_quantized", layer.BiasFormat, Fixed(biasShape));

            var batched = Batched(layer.Units);
            current = builder.Node("MatMul", $"{prefix}_matmul", [current, weight], $"{prefix}_matmul_out", batched);
            current = builder.Node("Add", $"{prefix}_add", [current, bias], $"{prefix}_add_out", batched);
            if (layer.Activation == Activation.Relu)
            {
                current = builder.Node("Relu", $"{prefix}_relu", [current], $"{prefix}_relu_out", batched);
            }

            var last = index == model.Layers.Count - 1;
            current = builder.Quant($"{prefix}_output_quant", current, last ? OutputName : $"{prefix}_out", layer.OutputFormat, batched, intermediate: !last);
            width = layer.Units;
        }

        graph.Output.Add(TensorValue(OutputName, Batched(width)));

        var result = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            Graph = graph,
        };
        result.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = DefaultOpsetVersion });
        result.OpsetImport.Add(new OperatorSetIdProto { Domain = QonnxDomain, Version = QonnxOpsetVersion });
        return result;
    }

    /// <summary>A readable tensor-name prefix for a layer name: letters, digits and underscores only.</summary>
    internal static string TensorName(string layerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(layerName);
        var text = new StringBuilder(layerName.Length + 1);
        foreach (var c in layerName)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        // hls4ml prefixes names starting with a digit; do it here so the names stay as written.
        return char.IsAsciiDigit(text[0]) ? "layer_" + text : text.ToString();
    }

    private static void Validate(QuantizedLayer layer, int expectedInputs)
    {
        if (layer.Inputs != expectedInputs)
        {
            throw new ArgumentException($"layer '{layer.Name}' takes {layer.Inputs} inputs but the previous stage gives {expectedInputs}", nameof(layer));
        }

        if (layer.Units < 1 || layer.Weights.Length != layer.Inputs * layer.Units || layer.Biases.Length != layer.Units)
        {
            throw new ArgumentException($"layer '{layer.Name}' has {layer.Weights.Length} weights and {layer.Biases.Length} biases for {layer.Inputs} inputs and {layer.Units} units", nameof(layer));
        }

        RequireRepresentable(layer.Name, "weight", layer.Weights, layer.WeightFormat);
        RequireRepresentable(layer.Name, "bias", layer.Biases, layer.BiasFormat);
    }

    private static void RequireRepresentable(string layerName, string what, float[] values, FixedPointFormat format)
    {
        foreach (var value in values)
        {
            if (!float.IsFinite(value) || format.Quantize(value) != value)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"layer '{layerName}' {what} {value} is not a value of {format}"), nameof(values));
            }
        }
    }

    private static TensorShapeProto.Types.Dimension[] Batched(long width) =>
        [new() { DimParam = BatchDimension }, new() { DimValue = width }];

    private static TensorShapeProto.Types.Dimension[] Fixed(long[] shape) =>
        shape.Select(size => new TensorShapeProto.Types.Dimension { DimValue = size }).ToArray();

    private static ValueInfoProto TensorValue(string name, TensorShapeProto.Types.Dimension[] shape)
    {
        var tensorShape = new TensorShapeProto();
        tensorShape.Dim.AddRange(shape.Select(dimension => dimension.Clone()));
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = tensorShape } },
        };
    }

    /// <summary>A float32 initializer with its values in <c>raw_data</c> (little-endian, row-major); no dims for a scalar.</summary>
    private static TensorProto FloatTensor(string name, long[] shape, ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(shape);
        return tensor;
    }

    private static float ScaleOf(FixedPointFormat format)
    {
        // A power of two is exact in float32 only within the normal exponent range.
        if (format.FractionalBits is > 126 or < -127)
        {
            throw new ArgumentException($"the LSB of {format}, 2^{-format.FractionalBits}, is not a normal float32", nameof(format));
        }

        return (float)format.Lsb;
    }

    private sealed class GraphBuilder(GraphProto graph)
    {
        public string Node(string opType, string name, string[] inputs, string output, TensorShapeProto.Types.Dimension[] shape, bool intermediate = true)
        {
            var node = new NodeProto { Name = name, OpType = opType };
            node.Input.AddRange(inputs);
            node.Output.Add(output);
            graph.Node.Add(node);
            if (intermediate)
            {
                graph.ValueInfo.Add(TensorValue(output, shape));
            }

            return output;
        }

        /// <summary>A Quant node with its own scale, zero-point and bit-width scalars (0-d float32 initializers).</summary>
        public string Quant(string name, string input, string output, FixedPointFormat format, TensorShapeProto.Types.Dimension[] shape, bool intermediate = true)
        {
            graph.Initializer.Add(FloatTensor($"{name}_scale", [], [ScaleOf(format)]));
            graph.Initializer.Add(FloatTensor($"{name}_zeropt", [], [0f]));
            graph.Initializer.Add(FloatTensor($"{name}_bitwidth", [], [format.TotalBits]));
            var result = Node("Quant", name, [input, $"{name}_scale", $"{name}_zeropt", $"{name}_bitwidth"], output, shape, intermediate);
            var node = graph.Node[^1];
            node.Domain = QonnxDomain;
            // Alphabetical, as onnx.helper.make_node orders keyword attributes; all three always present.
            node.Attribute.Add(IntAttribute("narrow", 0));
            node.Attribute.Add(new AttributeProto { Name = "rounding_mode", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8("ROUND") });
            node.Attribute.Add(IntAttribute("signed", format.IsSigned ? 1 : 0));
            return result;
        }

        private static AttributeProto IntAttribute(string name, long value) =>
            new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };
    }
}
