using Codesign.Core.Numerics;
using Codesign.Qonnx.Execution;
using Codesign.Qonnx.Onnx;
using Codesign.Qonnx.Reading;

namespace Codesign.Qonnx.Tests.Reading;

/// <summary>Models written the way Brevitas and qonnx write them, not the way our writer does.</summary>
public sealed class ForeignQonnxTests
{
    private const int Rows = 2000;

    /// <summary>
    /// Brevitas-style QuantLinear MLP 4 → 8 (ReLU) → 3: float weights in initializers (not yet on the grid; the
    /// narrow-range weight Quant rounds them), biases on the input × weight scale, fixed batch 1.
    /// </summary>
    private static ModelProto BrevitasMlp(float[]? weightScale = null, float inputScale = 1f / 16)
    {
        var random = new Random(5);
        float[] Floats(int count, double spread) => Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() - 0.5) * 2 * spread)).ToArray();
        var builder = new ForeignModelBuilder()
            .Input("inp.1", 1, 4)
            .Initializer("fc1.weight", [8, 4], Floats(32, 0.9))
            .Initializer("fc1.bias", [8], Floats(8, 0.5))
            .Initializer("fc2.weight", [3, 8], Floats(24, 0.9))
            .Initializer("fc2.bias", [3], Floats(3, 0.5))
            .Quant("Quant_0", "inp.1", "onnx::Gemm_12", [inputScale], 8)
            .Quant("Quant_1", "fc1.weight", "onnx::Gemm_13", weightScale ?? [1f / 32], 6, narrow: true, scaleDims: weightScale is null ? null : [8, 1])
            .Quant("Quant_2", "fc1.bias", "onnx::Gemm_14", [1f / 512], 16)
            .Add("Gemm", "Gemm_3", ["onnx::Gemm_12", "onnx::Gemm_13", "onnx::Gemm_14"], "input", OnnxValues.Int("transB", 1), Float("alpha", 1), Float("beta", 1))
            .Add("Relu", "Relu_4", ["input"], "onnx::Quant_16")
            .Quant("Quant_5", "onnx::Quant_16", "onnx::Gemm_17", [1f / 16], 8, signed: false)
            .Quant("Quant_6", "fc2.weight", "onnx::Gemm_18", [1f / 32], 6, narrow: true)
            .Quant("Quant_7", "fc2.bias", "onnx::Gemm_19", [1f / 512], 16)
            .Add("Gemm", "Gemm_8", ["onnx::Gemm_17", "onnx::Gemm_18", "onnx::Gemm_19"], "onnx::Quant_21", OnnxValues.Int("transB", 1))
            .Add("Identity", "Identity_9", ["onnx::Quant_21"], "onnx::Quant_22")
            .Quant("Quant_10", "onnx::Quant_22", "110", [1f / 64], 12)
            .Output("110", 1, 3);
        return builder.Build();
    }

    [Fact]
    public void Brevitas_mlp_reads_as_a_graph_that_agrees_with_the_float_executor()
    {
        var model = BrevitasMlp();
        var result = QonnxReader.FromModel(model, "brevitas.onnx");
        Assert.True(result.IsRepresentable, string.Join("\n", result.Reasons));
        Assert.Equal(["Quant_0", "Gemm_3", "Relu_4", "Quant_5", "Gemm_8", "Quant_10"], result.Graph.Nodes.Select(node => node.Name));
        Assert.Equal("inp.1", result.Graph.Input.Name);
        Assert.Equal("110", result.Graph.Output.Name);
        Assert.Equal(new FixedPointFormat(true, 6, 1), ((Core.Graph.DenseNode)result.Graph.Nodes[1]).WeightFormat);

        var inputs = ReadingTestGraphs.Inputs(new Random(3), Rows * 4, new FixedPointFormat(true, 8, 4));
        var integer = GraphExecutor.Run(result.Graph, inputs, Rows);
        var floating = result.CreateFloatExecutor().Run(inputs, Rows);
        Assert.Equal(integer.Select(value => (double)value), floating);
        Assert.True(integer.Distinct().Count() > 10);
    }

    [Fact]
    public void Qonnx_domain_matmul_add_without_graph_input_initializers_reads_too()
    {
        var builder = new ForeignModelBuilder(listInitializersAsInputs: false)
            .Input("x", -1, 2)
            .Initializer("w", [2, 2], [0.5f, -0.25f, 1f, 0.75f])
            .Initializer("b", [2], [0.125f, -0.5f])
            .Quant("q_in", "x", "xq", [0.25f], 6, domain: "qonnx.custom_op.general")
            .Quant("q_w", "w", "wq", [0.25f], 4, domain: "qonnx.custom_op.general")
            .Quant("q_b", "b", "bq", [0.125f], 6, domain: "qonnx.custom_op.general")
            .Add("MatMul", "mm", ["xq", "wq"], "p")
            .Add("Add", "bias", ["bq", "p"], "s")
            .Quant("q_out", "s", "y", [0.125f], 8, domain: "qonnx.custom_op.general")
            .Output("y", -1, 2);
        var result = QonnxReader.FromModel(builder.Build(irVersion: 8, opset: 13, quantDomain: "qonnx.custom_op.general"), "qonnx.onnx");
        Assert.True(result.IsRepresentable, string.Join("\n", result.Reasons));
        var dense = Assert.IsType<Core.Graph.DenseNode>(result.Graph.Nodes[1]);
        Assert.Equal("mm", dense.Name);
        Assert.Equal("s", dense.Output);
        Assert.Equal([2L, -1, 4, 3], dense.WeightCodes);
    }

    [Fact]
    public void Per_channel_weight_scale_is_not_representable_but_runs_in_float()
    {
        var scales = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? 1f / 32 : 1f / 64).ToArray();
        var result = QonnxReader.FromModel(BrevitasMlp(weightScale: scales), "per_channel.onnx");
        Assert.False(result.IsRepresentable);
        Assert.Equal(["node 'Gemm_3' (Gemm): weight 'onnx::Gemm_13' is not a fixed-point constant: node 'Quant_1' (Quant): per-channel scale on 'fc1.weight' (8 values)"], result.Reasons);

        var outputs = result.CreateFloatExecutor().Run(ReadingTestGraphs.Inputs(new Random(4), 100 * 4, new FixedPointFormat(true, 8, 4)), 100);
        Assert.Equal(300, outputs.Length);
        Assert.All(outputs, value => Assert.True(value == Math.Round(value * 64) / 64 && Math.Abs(value) <= 32, $"{value} is not on the output grid"));
    }

    [Fact]
    public void Non_power_of_two_scale_is_not_representable_but_runs_in_float()
    {
        var result = QonnxReader.FromModel(BrevitasMlp(inputScale: 0.0123f), "scaled.onnx");
        Assert.False(result.IsRepresentable);
        Assert.Equal(["node 'Quant_0' (Quant): scale 0.0123 is not a power of two"], result.Reasons);
        var outputs = result.CreateFloatExecutor().Run([0.1f, -0.2f, 0.3f, 2f], 1);
        Assert.Equal(3, outputs.Length);
    }

    [Theory]
    [InlineData("FLOOR", false, "node 'Quant_5' (Quant): rounding_mode FLOOR; the IR rounds half to even (ROUND)")]
    [InlineData("ROUND", true, "node 'Quant_5' (Quant): narrow=1 (codes [0, 254]) is not a fixed-point format; the IR needs narrow=0")]
    public void Data_quant_with_other_rounding_or_narrow_range_is_not_representable(string rounding, bool narrow, string reason)
    {
        var model = BrevitasMlp();
        var quant = model.Graph.Node.Single(node => node.Name == "Quant_5");
        quant.Attribute.Single(attribute => attribute.Name == "rounding_mode").S = Google.Protobuf.ByteString.CopyFromUtf8(rounding);
        quant.Attribute.Single(attribute => attribute.Name == "narrow").I = narrow ? 1 : 0;
        var result = QonnxReader.FromModel(model, "m.onnx");
        Assert.Equal([reason], result.Reasons);
        Assert.Equal(3, result.CreateFloatExecutor().Run([0.5f, 1, -1, 2], 1).Length);
    }

    [Fact]
    public void Unquantized_weights_and_standalone_ops_are_named_in_the_reasons()
    {
        var builder = new ForeignModelBuilder()
            .Input("x", 1, 2)
            .Initializer("w", [2, 2], [0.5f, -0.25f, 1f, 0.75f])
            .Quant("q_in", "x", "xq", [0.25f], 6)
            .Add("MatMul", "mm", ["xq", "w"], "p")
            .Add("Softmax", "sm", ["p"], "y")
            .Output("y", 1, 2);
        var result = QonnxReader.FromModel(builder.Build(), "m.onnx");
        Assert.Equal(["node 'mm' (MatMul): weight 'w' is not a fixed-point constant: initializer 'w' has no Quant node"], result.Reasons);
        var probabilities = result.CreateFloatExecutor().Run([1f, -1f], 1);
        Assert.Equal(1.0, probabilities.Sum(), 12);
    }

    [Fact]
    public void Channels_first_conv_is_not_representable_but_runs_in_float()
    {
        var builder = new ForeignModelBuilder()
            .Input("x", 1, 1, 3, 3)
            .Initializer("w", [2, 1, 2, 2], [1, 0, 0, 1, 0.5f, 0.5f, 0.5f, 0.5f])
            .Quant("q_in", "x", "xq", [0.25f], 8)
            .Quant("q_w", "w", "wq", [0.5f], 4)
            .Add("Conv", "conv", ["xq", "wq"], "y", OnnxValues.Ints("kernel_shape", 2, 2))
            .Output("y", 1, 2, 2, 2);
        var result = QonnxReader.FromModel(builder.Build(), "m.onnx");
        Assert.Single(result.Reasons, reason => reason.StartsWith("node 'conv' (Conv) is a channels-first Conv", StringComparison.Ordinal));

        // x = 1..9 (row-major 3x3); channel 0 sums the diagonal pair, channel 1 averages the 2x2 window.
        var output = result.CreateFloatExecutor().Run([1, 2, 3, 4, 5, 6, 7, 8, 9], 1);
        Assert.Equal([6, 8, 12, 14, 6, 8, 12, 14], output);
    }

    [Fact]
    public void Empty_weight_is_a_reason_not_a_crash()
    {
        var builder = new ForeignModelBuilder()
            .Input("x", 1, 3)
            .Initializer("w", [3, 0], [])
            .Quant("q_in", "x", "xq", [0.25f], 6)
            .Quant("q_w", "w", "wq", [0.5f], 4)
            .Add("MatMul", "mm", ["xq", "wq"], "p")
            .Quant("q_out", "p", "y", [0.25f], 8)
            .Output("y", 1, 0);
        var result = QonnxReader.FromModel(builder.Build(), "m.onnx");
        Assert.Equal(["node 'mm' (MatMul): weight 'wq' has shape [3, 0]; it is empty"], result.Reasons);
    }

    private static Onnx.AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = Onnx.AttributeProto.Types.AttributeType.Float, F = value };
}
