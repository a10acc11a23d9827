using System.Buffers.Binary;
using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Qonnx.Onnx;

namespace Codesign.Qonnx.Tests;

public sealed class QonnxWriterTests
{
    private static readonly FixedPointFormat InputFormat = new(true, 16, 6);
    private static readonly FixedPointFormat Weight1 = new(true, 4, 1);
    private static readonly FixedPointFormat Bias1 = new(true, 8, 3);
    private static readonly FixedPointFormat Output1 = new(false, 8, 4);
    private static readonly FixedPointFormat Weight2 = new(true, 6, 2);
    private static readonly FixedPointFormat Bias2 = new(true, 8, 2);
    private static readonly FixedPointFormat Output2 = new(true, 12, 5);

    // 3 inputs -> 2 ReLU units -> 2 linear units. Weights are rows per output unit: w[o * inputs + i].
    private static readonly float[] Weights1 = [0.5f, -0.25f, 0.875f, -1f, 0.125f, 0f];
    private static readonly float[] Biases1 = [0.25f, -1.5f];
    private static readonly float[] Weights2 = [1.25f, -0.5f, 0.75f, -2f];
    private static readonly float[] Biases2 = [0.5f, -0.25f];

    private static QuantizedModel SmallModel() => new(InputFormat,
    [
        new QuantizedLayer("dense_1", 3, 2, Activation.Relu, Weight1, Weights1, Bias1, Biases1, Output1),
        new QuantizedLayer("dense_2", 2, 2, Activation.None, Weight2, Weights2, Bias2, Biases2, Output2),
    ]);

    private static ModelProto WriteAndParse() => ModelProto.Parser.ParseFrom(QonnxWriter.Write(QuantizedModelGraph.Build(SmallModel(), "small_mlp")));

    [Fact]
    public void Model_header_has_ir_version_producer_and_both_opsets()
    {
        var model = WriteAndParse();
        Assert.Equal(8, model.IrVersion);
        Assert.Equal("codesign", model.ProducerName);
        Assert.Equal("small_mlp", model.Graph.Name);
        Assert.Collection(model.OpsetImport,
            opset => { Assert.Equal(string.Empty, opset.Domain); Assert.Equal(13, opset.Version); },
            opset => { Assert.Equal("qonnx.custom_op.general", opset.Domain); Assert.Equal(1, opset.Version); });
    }

    [Fact]
    public void Nodes_are_quant_matmul_add_relu_quant_per_layer_in_order()
    {
        var graph = WriteAndParse().Graph;
        Assert.Equal(
            [
                "global_in_quant:Quant",
                "dense_1_weight_quant:Quant", "dense_1_bias_quant:Quant", "dense_1_matmul:MatMul", "dense_1_add:Add", "dense_1_relu:Relu", "dense_1_output_quant:Quant",
                "dense_2_weight_quant:Quant", "dense_2_bias_quant:Quant", "dense_2_matmul:MatMul", "dense_2_add:Add", "dense_2_output_quant:Quant",
            ],
            graph.Node.Select(node => $"{node.Name}:{node.OpType}"));
        Assert.DoesNotContain(graph.Node, node => node.OpType is "Gemm" or "Constant");
        Assert.All(graph.Node, node => Assert.Equal(node.OpType == "Quant" ? "qonnx.custom_op.general" : string.Empty, node.Domain));
        Assert.Equal(graph.Node.Count, graph.Node.Select(node => node.Name).Distinct().Count());
    }

    [Fact]
    public void Nodes_are_wired_from_global_in_to_global_out()
    {
        var graph = WriteAndParse().Graph;
        var nodes = graph.Node.ToDictionary(node => node.Name);
        Assert.Equal(["global_in", "global_in_quant_scale", "global_in_quant_zeropt", "global_in_quant_bitwidth"], nodes["global_in_quant"].Input);
        Assert.Equal(["global_in_quantized", "dense_1_weight_quantized"], nodes["dense_1_matmul"].Input);
        Assert.Equal(["dense_1_matmul_out", "dense_1_bias_quantized"], nodes["dense_1_add"].Input);
        Assert.Equal(["dense_1_add_out"], nodes["dense_1_relu"].Input);
        Assert.Equal("dense_1_relu_out", nodes["dense_1_output_quant"].Input[0]);
        Assert.Equal(["dense_1_out", "dense_2_weight_quantized"], nodes["dense_2_matmul"].Input);
        Assert.Equal("dense_2_add_out", nodes["dense_2_output_quant"].Input[0]);
        Assert.Equal(["global_out"], nodes["dense_2_output_quant"].Output);

        // Topological order: every node input is a graph input, an initializer or an earlier node's output.
        var known = new HashSet<string>(graph.Input.Select(value => value.Name).Concat(graph.Initializer.Select(tensor => tensor.Name)));
        foreach (var node in graph.Node)
        {
            Assert.All(node.Input, input => Assert.Contains(input, known));
            foreach (var output in node.Output)
            {
                Assert.True(known.Add(output), $"tensor {output} is produced twice");
            }
        }
    }

    [Theory]
    [InlineData("global_in_quant", 1, 16, 0.0009765625)] // ap_fixed<16,6>: 2^-10
    [InlineData("dense_1_weight_quant", 1, 4, 0.125)] // ap_fixed<4,1>: 2^-3
    [InlineData("dense_1_bias_quant", 1, 8, 0.03125)] // ap_fixed<8,3>: 2^-5
    [InlineData("dense_1_output_quant", 0, 8, 0.0625)] // ap_ufixed<8,4>: 2^-4
    [InlineData("dense_2_weight_quant", 1, 6, 0.0625)] // ap_fixed<6,2>: 2^-4
    [InlineData("dense_2_output_quant", 1, 12, 0.0078125)] // ap_fixed<12,5>: 2^-7
    public void Quant_nodes_carry_the_format_as_scale_bitwidth_and_attributes(string name, long signedFlag, float bitwidth, float scale)
    {
        var graph = WriteAndParse().Graph;
        var node = graph.Node.Single(n => n.Name == name);
        Assert.Collection(node.Attribute,
            attribute => { Assert.Equal("narrow", attribute.Name); Assert.Equal(AttributeProto.Types.AttributeType.Int, attribute.Type); Assert.True(attribute.HasI); Assert.Equal(0, attribute.I); },
            attribute => { Assert.Equal("rounding_mode", attribute.Name); Assert.Equal(AttributeProto.Types.AttributeType.String, attribute.Type); Assert.Equal("ROUND", attribute.S.ToStringUtf8()); },
            attribute => { Assert.Equal("signed", attribute.Name); Assert.Equal(AttributeProto.Types.AttributeType.Int, attribute.Type); Assert.True(attribute.HasI); Assert.Equal(signedFlag, attribute.I); });
        Assert.Equal([scale], Scalar(graph, node.Input[1]));
        Assert.Equal([0f], Scalar(graph, node.Input[2]));
        Assert.Equal([bitwidth], Scalar(graph, node.Input[3]));
    }

    [Fact]
    public void Weights_are_transposed_to_in_by_out_and_biases_kept()
    {
        var graph = WriteAndParse().Graph;
        var weight = graph.Initializer.Single(tensor => tensor.Name == "dense_1_weight");
        Assert.Equal([3L, 2L], weight.Dims);
        Assert.Equal((int)TensorProto.Types.DataType.Float, weight.DataType);
        // [i][o] = w[o * 3 + i]
        Assert.Equal([0.5f, -1f, -0.25f, 0.125f, 0.875f, 0f], Floats(weight));
        var bias = graph.Initializer.Single(tensor => tensor.Name == "dense_1_bias");
        Assert.Equal([2L], bias.Dims);
        Assert.Equal(Biases1, Floats(bias));
        Assert.Equal([1.25f, 0.75f, -0.5f, -2f], Floats(graph.Initializer.Single(tensor => tensor.Name == "dense_2_weight")));
        Assert.Equal(graph.Initializer.Count, graph.Initializer.Select(tensor => tensor.Name).Distinct().Count());
    }

    [Fact]
    public void Inputs_outputs_and_every_intermediate_tensor_have_shapes()
    {
        var graph = WriteAndParse().Graph;
        Assert.Equal("global_in", Assert.Single(graph.Input).Name);
        Assert.Equal(["N", "3"], Shape(graph.Input[0]));
        Assert.Equal("global_out", Assert.Single(graph.Output).Name);
        Assert.Equal(["N", "2"], Shape(graph.Output[0]));

        var shapes = graph.ValueInfo.ToDictionary(value => value.Name, Shape);
        var intermediates = graph.Node.SelectMany(node => node.Output).Where(output => output != "global_out").ToList();
        Assert.Equal(intermediates.Order(StringComparer.Ordinal), shapes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["N", "3"], shapes["global_in_quantized"]);
        Assert.Equal(["3", "2"], shapes["dense_1_weight_quantized"]);
        Assert.Equal(["2"], shapes["dense_1_bias_quantized"]);
        Assert.Equal(["N", "2"], shapes["dense_1_matmul_out"]);
        Assert.Equal(["N", "2"], shapes["dense_1_relu_out"]);
        Assert.Equal(["N", "2"], shapes["dense_1_out"]);
        Assert.Equal(["2", "2"], shapes["dense_2_weight_quantized"]);
        Assert.All(graph.ValueInfo.Concat(graph.Input).Concat(graph.Output), value => Assert.Equal((int)TensorProto.Types.DataType.Float, value.Type.TensorType.ElemType));
    }

    [Fact]
    public void Two_writes_give_identical_bytes_and_the_file_matches()
    {
        var first = QonnxWriter.Write(QuantizedModelGraph.Build(SmallModel(), "small_mlp"));
        var second = QonnxWriter.Write(QuantizedModelGraph.Build(SmallModel(), "small_mlp"));
        Assert.Equal(first, second);

        var directory = Directory.CreateTempSubdirectory("qonnx-writer-");
        try
        {
            var path = Path.Combine(directory.FullName, "model.onnx");
            QonnxWriter.Write(QuantizedModelGraph.Build(SmallModel(), "small_mlp"), path);
            Assert.Equal(first, File.ReadAllBytes(path));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Values_outside_their_format_are_rejected()
    {
        var model = SmallModel();
        var layer = model.Layers[0] with { Weights = [0.5f, -0.25f, 0.3f, -1f, 0.125f, 0f] };
        Assert.Throws<InvalidGraphException>(() => QuantizedModelGraph.Build(new QuantizedModel(InputFormat, [layer, model.Layers[1]]), "bad"));
        var mismatched = model.Layers[1] with { Inputs = 3 };
        Assert.Throws<InvalidGraphException>(() => QuantizedModelGraph.Build(new QuantizedModel(InputFormat, [model.Layers[0], mismatched]), "bad"));
    }

    [Fact]
    public void Onnx_checker_accepts_the_written_model()
    {
        var python = PythonOnnx.Require();

        var directory = Directory.CreateTempSubdirectory("qonnx-checker-");
        try
        {
            var path = Path.Combine(directory.FullName, "small_mlp.onnx");
            QonnxWriter.Write(QuantizedModelGraph.Build(SmallModel(), "small_mlp"), path);
            var keep = Environment.GetEnvironmentVariable("CODESIGN_QONNX_KEEP");
            if (!string.IsNullOrEmpty(keep))
            {
                File.Copy(path, keep, overwrite: true);
            }

            // full_check=False: structure, opset imports, attribute types. (With onnx 1.12, full_check=True and strict
            // shape inference also pass: ops of an unregistered domain are skipped, not rejected.)
            // CODESIGN_QONNX_KEEP=<path> keeps a copy of the written file for inspection.
            var (exitCode, output) = PythonOnnx.Run(python, "-c", "import onnx,sys; m=onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=False)", path);
            Assert.True(exitCode == 0, $"onnx.checker.check_model ({python}) rejected the model:\n{output}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static float[] Scalar(GraphProto graph, string name)
    {
        var tensor = graph.Initializer.Single(t => t.Name == name);
        Assert.Empty(tensor.Dims);
        return Floats(tensor);
    }

    private static float[] Floats(TensorProto tensor)
    {
        var bytes = tensor.RawData.Span;
        var values = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }

        return values;
    }

    private static string[] Shape(ValueInfoProto value) =>
        value.Type.TensorType.Shape.Dim.Select(dimension => dimension.HasDimParam ? dimension.DimParam : dimension.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
