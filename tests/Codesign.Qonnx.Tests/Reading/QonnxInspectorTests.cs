using Codesign.Core.Diagnostics;
using Codesign.Qonnx.Reading;

namespace Codesign.Qonnx.Tests.Reading;

public sealed class QonnxInspectorTests
{
    [Fact]
    public void Mlp_listing_shows_nodes_in_order_with_shapes_and_formats()
    {
        var text = QonnxInspector.Inspect(QonnxWriter.Write(ReadingTestGraphs.Mlp()), "small_mlp.onnx");
        var lines = text.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal("model 'small_mlp': ir_version 8, producer 'codesign', opsets ai.onnx 13, qonnx.custom_op.general 1", lines[0]);
        Assert.Equal("input  global_in [N, 3] float", lines[1]);
        Assert.Equal("output global_out [N, 2] ap_fixed<10,5>", lines[2]);
        Assert.Contains("global_in_quant: Quant [qonnx.custom_op.general] {narrow=0, rounding_mode=ROUND, signed=1} (global_in, global_in_quant_scale, global_in_quant_zeropt, global_in_quant_bitwidth) -> global_in_quantized", lines);
        Assert.Contains("dense_1_matmul: MatMul (global_in_quantized, dense_1_weight_quantized) -> dense_1_matmul_out", lines);
        Assert.Contains(lines, line => line.StartsWith("global_in_quantized ", StringComparison.Ordinal) && line.EndsWith("[N, 3]  ap_fixed<8,3>", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("dense_1_weight_quantized ", StringComparison.Ordinal) && line.EndsWith("[3, 2]  ap_fixed<4,1>", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("dense_1_relu_out ", StringComparison.Ordinal) && line.EndsWith("[N, 2]  float", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("dense_1_out ", StringComparison.Ordinal) && line.EndsWith("[N, 2]  ap_ufixed<6,3>", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("dense_1_weight ", StringComparison.Ordinal) && line.EndsWith("[3, 2]  initializer, 6 values", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("global_in_quant_scale", StringComparison.Ordinal));
    }

    [Fact]
    public void Quant_that_is_not_fixed_point_is_described_plainly()
    {
        var model = new ForeignModelBuilder()
            .Input("x", 1, 8)
            .Quant("q", "x", "y", [0.0123f], 8, narrow: true)
            .Output("y", 1, 8)
            .Build();
        var text = QonnxInspector.Inspect(model, "m.onnx");
        Assert.Contains("output y [1, 8] int8 × scale 0.0123, narrow, ROUND", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_bytes_fail_like_the_reader() =>
        Assert.Equal(DiagnosticCodes.MalformedOnnx, Assert.Throws<CodesignException>(() => QonnxInspector.Inspect([1, 2, 3], "x.onnx")).Diagnostics[0].Code);
}
