using Codesign.Core.Graph;
using Codesign.Qonnx.Reading;

namespace Codesign.Qonnx.Tests.Reading;

public sealed class QonnxReaderRoundTripTests
{
    [Fact]
    public void Mlp_file_reads_back_to_a_graph_that_writes_identical_bytes()
    {
        var bytes = QonnxWriter.Write(ReadingTestGraphs.Mlp());
        var result = QonnxReader.Read(bytes, "small_mlp.onnx");
        Assert.True(result.IsRepresentable, string.Join("\n", result.Reasons));
        Assert.Empty(result.Reasons);
        Assert.Equal(bytes, QonnxWriter.Write(result.Graph));
    }

    [Fact]
    public void Cnn_file_reads_back_to_a_graph_that_writes_identical_bytes()
    {
        var bytes = QonnxWriter.Write(ReadingTestGraphs.Cnn());
        var result = QonnxReader.Read(bytes, "small_cnn.onnx");
        Assert.True(result.IsRepresentable, string.Join("\n", result.Reasons));
        Assert.Equal(bytes, QonnxWriter.Write(result.Graph));
    }

    [Fact]
    public void Recovered_nodes_have_the_original_names_formats_and_codes()
    {
        var original = ReadingTestGraphs.Cnn();
        var read = QonnxReader.Read(QonnxWriter.Write(original), "small_cnn.onnx").Graph!;
        Assert.Equal(original.Nodes.Select(node => (node.Name, node.Input, node.Output)), read.Nodes.Select(node => (node.Name, node.Input, node.Output)));
        var conv = Assert.IsType<Conv2dNode>(read.Nodes[1]);
        var expected = (Conv2dNode)original.Nodes[1];
        Assert.Equal(expected.Geometry, conv.Geometry);
        Assert.Equal(expected.WeightFormat, conv.WeightFormat);
        Assert.Equal(expected.WeightCodes, conv.WeightCodes);
        Assert.Equal(expected.BiasCodes, conv.BiasCodes);
        Assert.Equal(original.Output, read.Output);
        Assert.Equal(original.Input, read.Input);
    }

    [Fact]
    public void Reading_a_file_gives_the_same_graph_as_reading_its_bytes()
    {
        var bytes = QonnxWriter.Write(ReadingTestGraphs.Mlp());
        var directory = Directory.CreateTempSubdirectory("qonnx-reader-");
        try
        {
            var path = Path.Combine(directory.FullName, "small_mlp.onnx");
            File.WriteAllBytes(path, bytes);
            var result = QonnxReader.ReadFile(path);
            Assert.Equal(path, result.File);
            Assert.Equal(bytes, QonnxWriter.Write(result.Graph!));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
