using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using Codesign.Data;
using Codesign.Training.Float;
using Codesign.Training.Loop;
using Codesign.Training.Metrics;
using Codesign.Training.Models;
using TorchSharp;

namespace Codesign.Training.Autoencoder;

public sealed record AutoencoderTrainingResult(
    IReadOnlyList<NamedTensor> Weights,
    IReadOnlyList<EpochReport> History,
    ReconstructionMetrics Test,
    ReconstructionMetrics? Validation);

/// <summary>
/// Float training of an autoencoder, encoder and decoder together, on the reconstruction loss. Deterministic per
/// seed like <see cref="FloatTrainer"/>: the seed fixes initialization and shuffling, the thread count is pinned.
/// </summary>
public static class AutoencoderTrainer
{
    public static AutoencoderTrainingResult Train(
        ModelSpec model,
        TrainingSpec training,
        Dataset data,
        Action<EpochReport>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(data);
        return TorchProcessState.Seeded(training, () =>
        {
            using var network = new AutoencoderNetwork(model);
            var history = ReconstructionLoop.Run(network, training, data, progress, cancellation);
            var weights = TorchProcessState.Snapshot(network.NamedState());
            var (test, validation) = Evaluate(network, data);
            return new AutoencoderTrainingResult(weights, history, test, validation);
        });
    }

    /// <summary>Reconstructions of every row, row-major, in evaluation mode, with stored float weights.</summary>
    public static float[] Reconstruct(ModelSpec model, IReadOnlyList<NamedTensor> weights, DatasetSplit samples)
    {
        lock (TorchProcessState.Gate)
        {
            using var network = new AutoencoderNetwork(model);
            network.Load(weights);
            return SupervisedLoop.Predict(network, samples, samples.FeatureCount);
        }
    }

    internal static (ReconstructionMetrics Test, ReconstructionMetrics? Validation) Evaluate(torch.nn.Module<torch.Tensor, torch.Tensor> network, Dataset data)
    {
        var test = ReconstructionMetrics.Compute(data.Test, SupervisedLoop.Predict(network, data.Test, data.FeatureCount));
        var validation = data.Validation.RowCount > 0
            ? ReconstructionMetrics.Compute(data.Validation, SupervisedLoop.Predict(network, data.Validation, data.FeatureCount))
            : null;
        return (test, validation);
    }
}
