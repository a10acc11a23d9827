using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Qonnx.Tests;

/// <summary>The table softmax is firmware only: the QONNX and QCDQ exports carry the logits and refuse a softmax graph.</summary>
public sealed class SoftmaxWriterTests
{
    private static readonly FixedPointFormat Logits = new(true, 8, 3);

    private static QuantizedGraph WithSoftmax() =>
        new QuantizedGraphBuilder("classifier", GraphNames.Input, new TensorShape(5))
            .Quant("logits_quant", Logits)
            .Softmax("softmax", SoftmaxTables.Create(Logits, 5, 64), GraphNames.Output)
            .Build();

    [Fact]
    public void The_qonnx_writer_refuses_a_softmax_and_points_at_hls_output()
    {
        var exception = Assert.Throws<NotSupportedException>(() => QonnxWriter.Write(WithSoftmax()));

        Assert.Contains("'softmax'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("hls.output", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_qcdq_writer_refuses_a_softmax_and_points_at_hls_output()
    {
        var exception = Assert.Throws<NotSupportedException>(() => QcdqWriter.Write(WithSoftmax()));

        Assert.Contains("'softmax'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("hls.output", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_graph_leaves_no_file_behind()
    {
        var folder = Directory.CreateTempSubdirectory("softmax_writer");
        try
        {
            var qonnx = Path.Combine(folder.FullName, "model.onnx");
            var qcdq = Path.Combine(folder.FullName, "model_qcdq.onnx");

            Assert.Throws<NotSupportedException>(() => QonnxWriter.Write(WithSoftmax(), qonnx));
            Assert.Throws<NotSupportedException>(() => QcdqWriter.Write(WithSoftmax(), qcdq));

            Assert.Empty(Directory.EnumerateFileSystemEntries(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
