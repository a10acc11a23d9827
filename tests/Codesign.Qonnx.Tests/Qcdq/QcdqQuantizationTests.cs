using Codesign.Core.Numerics;
using Codesign.Qonnx.Execution;
using Microsoft.ML.OnnxRuntime;

namespace Codesign.Qonnx.Tests.Qcdq;

/// <summary>Every width's QCDQ form rounds and saturates in ONNX Runtime exactly as the integer executor does.</summary>
public sealed class QcdqQuantizationTests
{
    [Theory]
    [InlineData(false, 1, 0)]
    [InlineData(false, 3, 1)]
    [InlineData(true, 2, 1)]
    [InlineData(true, 3, 0)]
    [InlineData(true, 7, 3)]
    [InlineData(true, 8, 2)]
    [InlineData(false, 8, 4)]
    [InlineData(true, 9, 4)]
    [InlineData(false, 11, 4)]
    [InlineData(true, 16, 6)]
    [InlineData(false, 16, 16)]
    [InlineData(true, 17, 5)]
    [InlineData(false, 20, 2)]
    [InlineData(true, 24, 8)]
    [InlineData(false, 24, 24)]
    public void Quant_of_every_width_matches_the_executor_on_ties_and_saturation(bool isSigned, int bits, int integerBits)
    {
        var format = new FixedPointFormat(isSigned, bits, integerBits);
        var graph = QcdqTestGraphs.SingleQuant(format);
        const int rows = 4096;
        var inputs = QcdqSamples.HalfLsbGrid(format, rows, 16, seed: bits);

        var expected = GraphExecutor.Run(graph, inputs, rows);
        var actual = OrtRunner.Run(QcdqWriter.Write(graph), graph.Input.Name, graph.Input.Shape, inputs, rows, GraphOptimizationLevel.ORT_ENABLE_ALL)[graph.Output.Name];

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Formats_wider_than_24_bits_are_rejected()
    {
        var graph = QcdqTestGraphs.SingleQuant(new FixedPointFormat(true, 25, 5));
        var error = Assert.Throws<NotSupportedException>(() => QcdqWriter.Write(graph));
        Assert.Contains("24 bits", error.Message, StringComparison.Ordinal);
    }
}
