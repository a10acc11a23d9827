using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using Codesign.Data;
using Codesign.Training.Loop;
using Codesign.Training.Metrics;
using Codesign.Training.Models;
using TorchSharp;

namespace Codesign.Training.Float;

/// <summary>
/// Trains the float network. Same spec and seed give bit-identical weights: the seed fixes initialization and
/// the shuffling generator, and the thread count is pinned (a different count may reorder float sums).
/// </summary>
public static class FloatTrainer
{
    public static FloatTrainingResult Train(
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
            using var network = new MlpNetwork(model);
            var history = SupervisedLoop.Run(network, training, data, progress, cancellation);
            var (_, testMetrics, validationMetrics) = SupervisedLoop.Evaluate(network, data);
            return new FloatTrainingResult(TorchProcessState.Snapshot(network.NamedState()), history, testMetrics, validationMetrics);
        });
    }

    /// <summary>Logits for every row, row-major (rows x classes), in evaluation mode.</summary>
    public static float[] Predict(MlpNetwork network, DatasetSplit samples)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(samples);
        return SupervisedLoop.Predict(network, samples, network.Spec.Outputs);
    }
}
