using Codesign.Training.Autoencoder;

namespace Codesign.Training.Tests.Autoencoder;

public class AutoencoderTrainerTests
{
    [Fact]
    public void Training_is_bit_identical_per_seed_and_reports_the_test_emd()
    {
        var spec = AutoencoderFixtures.Spec;
        var first = AutoencoderTrainer.Train(spec.Model, spec.Training, AutoencoderFixtures.Data);
        var second = AutoencoderTrainer.Train(spec.Model, spec.Training, AutoencoderFixtures.Data);

        Assert.Equal(["conv.weight", "conv.bias", "enc_dense.weight", "enc_dense.bias", "dec_dense.weight", "dec_dense.bias", "deconv.weight", "deconv.bias"], first.Weights.Select(w => w.Name));
        Assert.Equal([4, 1, 3, 3], first.Weights[0].Shape);
        Assert.Equal([8, 64], first.Weights[2].Shape);
        for (var i = 0; i < first.Weights.Count; i++)
        {
            Assert.Equal(first.Weights[i].Values, second.Weights[i].Values);
        }

        Assert.Equal(AutoencoderFixtures.Data.Test.RowCount, first.Test.Samples);
        Assert.InRange(first.Test.Emd.Mean, 0.01, 5);
        Assert.Equal(first.Test.Emd, second.Test.Emd);
        Assert.True(first.History[^1].TrainLoss < first.History[0].TrainLoss * 1.5);

        // The stored weights reproduce the trained network's reconstructions.
        var reconstructed = AutoencoderTrainer.Reconstruct(spec.Model, first.Weights, AutoencoderFixtures.Data.Test);
        Assert.Equal(first.Test.MeanSquaredError, Codesign.Training.Metrics.ReconstructionMetrics.MeanSquaredErrorOf(AutoencoderFixtures.Data.Test.Features, reconstructed));
    }
}
