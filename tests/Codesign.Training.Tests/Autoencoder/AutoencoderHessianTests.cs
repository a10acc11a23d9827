using Codesign.Training.Autoencoder;
using Codesign.Training.Hessian;

namespace Codesign.Training.Tests.Autoencoder;

public class AutoencoderHessianTests
{
    [Fact]
    public void Every_weighted_encoder_layer_gets_a_trace_on_the_reconstruction_loss_and_the_decoder_none()
    {
        var spec = AutoencoderFixtures.Spec;
        var weights = AutoencoderTrainer.Train(spec.Model, spec.Training, AutoencoderFixtures.Data).Weights;
        var options = new HessianOptions { Batches = 2, BatchSize = 64, MinProbes = 4, MaxProbes = 8, MaxIterations = 10 };

        var first = HessianRunner.Analyze(spec.Model, weights, AutoencoderFixtures.Data.Train, options);
        var second = HessianRunner.Analyze(spec.Model, weights, AutoencoderFixtures.Data.Train, options);

        Assert.Equal(["conv", "enc_dense"], first.Layers.Select(l => l.Layer));
        Assert.Equal([36, 512], first.Layers.Select(l => l.ParameterCount));
        Assert.All(first.Layers, layer => Assert.True(layer.Trace > 0 && layer.TopEigenvalue > 0, $"{layer.Layer}: {layer.Trace}, {layer.TopEigenvalue}"));
        Assert.Equal(first.Layers.Select(l => l.Trace), second.Layers.Select(l => l.Trace));
    }
}
