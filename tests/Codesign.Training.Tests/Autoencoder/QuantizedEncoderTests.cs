using Codesign.Core.Graph;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Qonnx.Execution;
using Codesign.Training.Autoencoder;
using Codesign.Training.Quantization;

namespace Codesign.Training.Tests.Autoencoder;

/// <summary>The fake-quantized encoder against the integer executor, bit for bit, and its model file.</summary>
public class QuantizedEncoderTests
{
    private static readonly Lazy<AutoencoderQatResult> Qat = new(() =>
    {
        var spec = AutoencoderFixtures.Spec;
        var floatResult = AutoencoderTrainer.Train(spec.Model, spec.Training, AutoencoderFixtures.Data);
        var plan = QuantizationPlan.Uniform(2, 6, 9, 16, 12);
        return AutoencoderQatTrainer.Train(spec.Model, spec.Qat, plan, floatResult.Weights, AutoencoderFixtures.Data);
    });

    [Fact]
    public void Fake_quantized_encoder_equals_the_integer_executor_bit_for_bit()
    {
        var result = Qat.Value;
        var test = AutoencoderFixtures.Data.Test;
        var graph = QuantizedModelGraph.Build(result.Encoder, "encoder");
        var exact = GraphExecutor.Run(graph, test.Features, test.RowCount);

        Assert.Equal(test.RowCount * 8, exact.Length);
        Assert.Equal(exact, result.TestLatents);
        Assert.Contains(exact, value => value > 0);
    }

    [Fact]
    public void Encoder_graph_is_quant_conv_relu_quant_reshape_dense_relu_quant()
    {
        var graph = QuantizedModelGraph.Build(Qat.Value.Encoder, "encoder");
        Assert.Equal(
            [typeof(QuantNode), typeof(Conv2dNode), typeof(ReluNode), typeof(QuantNode), typeof(ReshapeNode), typeof(DenseNode), typeof(ReluNode), typeof(QuantNode)],
            graph.Nodes.Select(n => n.GetType()));
        var conv = Assert.IsType<Conv2dNode>(graph.Nodes[1]);
        Assert.Equal(new Conv2dGeometry(3, 3, 1, 4, 2, 2, 1, 1, 1, 1), conv.Geometry);
        Assert.Equal(new TensorShape(8, 8, 1), graph.Input.Shape);

        // Activations after ReLU are unsigned; the input takes its 16 bits.
        var encoder = Qat.Value.Encoder;
        Assert.False(encoder.Layers[0].OutputFormat.IsSigned);
        Assert.False(encoder.OutputFormat.IsSigned);
        Assert.Equal(12, encoder.OutputFormat.TotalBits);
        Assert.Equal(16, encoder.InputFormat.TotalBits);
        Assert.Equal([Activation.Relu, Activation.Relu], encoder.Layers.Select(l => l.Activation));
    }

    [Fact]
    public void Model_file_keeps_the_convolution()
    {
        var path = Path.Combine(Path.GetTempPath(), $"codesign-encoder-{Guid.NewGuid():N}.json");
        try
        {
            QuantizedModelFile.Write(path, Qat.Value.Encoder);
            var read = QuantizedModelFile.Read(path);
            Assert.Equal(Qat.Value.Encoder.InputShape, read.InputShape);
            Assert.Equal(Qat.Value.Encoder.Layers[0].Convolution, read.Layers[0].Convolution);
            Assert.Null(read.Layers[1].Convolution);
            Assert.Equal(Qat.Value.Encoder.Layers[0].Weights, read.Layers[0].Weights);
            var test = AutoencoderFixtures.Data.Test;
            Assert.Equal(Qat.Value.TestLatents, GraphExecutor.Run(QuantizedModelGraph.Build(read, "encoder"), test.Features, test.RowCount));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
