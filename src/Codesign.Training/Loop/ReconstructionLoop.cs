using Codesign.Core.Diagnostics;
using Codesign.Core.Spec;
using Codesign.Data;
using Codesign.Training.Float;
using Codesign.Training.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace Codesign.Training.Loop;

/// <summary>
/// The epoch loop of an autoencoder: the network reproduces its input, and the loss is the mean squared error over
/// every pixel. Seeded shuffling, the learning-rate schedule and the divergence check as in <see cref="SupervisedLoop"/>.
/// Callers hold <see cref="TorchProcessState.Gate"/>.
/// </summary>
internal static class ReconstructionLoop
{
    public static List<EpochReport> Run(
        nn.Module<Tensor, Tensor> network,
        TrainingSpec training,
        Dataset data,
        Action<EpochReport>? progress,
        CancellationToken cancellation,
        Action<int>? beforeEpoch = null)
    {
        var (train, validation) = (data.Train, data.Validation);
        using var shuffle = new Generator(training.Seed);
        using var optimizer = SupervisedLoop.CreateOptimizer(network, training);

        // clone(): libtorch's own allocation, so batch kernels see the same alignment from run to run (see SupervisedLoop).
        using var features = torch.tensor(train.Features, [train.RowCount, train.FeatureCount]).clone();
        var history = new List<EpochReport>(training.Epochs);
        for (var epoch = 0; epoch < training.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            beforeEpoch?.Invoke(epoch);
            var learningRate = LearningRateSchedule.At(training, epoch);
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = learningRate;
            }

            var trainLoss = RunEpoch(network, optimizer, features, training.BatchSize, shuffle);
            if (!double.IsFinite(trainLoss))
            {
                throw new CodesignException(DiagnosticCodes.TrainingDiverged, training.Location,
                    $"training diverged in epoch {epoch + 1} (loss is {trainLoss}); lower the learning rate (now {learningRate}) or check the data. Nothing was written.");
            }

            double? validationLoss = validation is { RowCount: > 0 }
                ? ReconstructionMetrics.MeanSquaredErrorOf(validation.Features, SupervisedLoop.Predict(network, validation, validation.FeatureCount))
                : null;
            var report = new EpochReport(epoch + 1, training.Epochs, learningRate, trainLoss, null, validationLoss, null);
            history.Add(report);
            progress?.Invoke(report);
        }

        return history;
    }

    private static double RunEpoch(nn.Module<Tensor, Tensor> network, optim.Optimizer optimizer, Tensor features, int batchSize, Generator shuffle)
    {
        network.train();
        var rows = features.shape[0];
        using var order = torch.randperm(rows, generator: shuffle);
        double lossSum = 0;
        for (long start = 0; start < rows; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var count = Math.Min(batchSize, rows - start);
            var x = features.index_select(0, order.narrow(0, start, count));
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(network.forward(x), x);
            loss.backward();
            optimizer.step();
            lossSum += loss.item<float>() * count;
        }

        return lossSum / rows;
    }
}
