using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Qonnx.Execution;
using Codesign.Qonnx.Reading;

namespace Codesign.Qonnx.Tests.Reading;

/// <summary>
/// The integer executor (exact codes, the HLS semantics) against QONNX's float semantics run on the written file:
/// with power-of-two scales both must agree bit for bit, ties and saturation included.
/// </summary>
public sealed class FloatSemanticsAgreementTests
{
    private const int Rows = 10_000;

    [Fact]
    public void Mlp_integer_and_float_execution_agree_on_10000_rows() =>
        AssertAgree(ReadingTestGraphs.Mlp(), ReadingTestGraphs.MlpInput, seed: 1);

    [Fact]
    public void Cnn_integer_and_float_execution_agree_on_10000_rows() =>
        AssertAgree(ReadingTestGraphs.Cnn(), ReadingTestGraphs.CnnInput, seed: 2);

    private static void AssertAgree(QuantizedGraph graph, FixedPointFormat inputFormat, int seed)
    {
        var bytes = QonnxWriter.Write(graph);
        var inputs = ReadingTestGraphs.Inputs(new Random(seed), Rows * graph.Input.Shape.Size, inputFormat);

        var integer = GraphExecutor.Run(graph, inputs, Rows);
        var floating = OnnxFloatExecutor.Load(bytes, "model.onnx").Run(inputs, Rows);
        var reread = GraphExecutor.Run(QonnxReader.Read(bytes, "model.onnx").Graph!, inputs, Rows);

        Assert.Equal(integer.Length, floating.Length);
        for (var i = 0; i < integer.Length; i++)
        {
            if (integer[i] != floating[i])
            {
                Assert.Fail($"output {i} (row {i / graph.Output.Shape.Size}): integer {integer[i]}, float {floating[i]}");
            }
        }

        Assert.Equal(integer, reread);

        // The inputs really did probe ties and saturation, and the outputs are not all one value.
        Assert.Contains(inputs, value => Math.Abs(Math.ScaleB(value, inputFormat.FractionalBits) % 1) == 0.5);
        Assert.Contains(inputs, value => value > inputFormat.MaxValue);
        Assert.True(integer.Distinct().Count() > 10);
    }
}
