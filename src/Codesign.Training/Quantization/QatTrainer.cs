using Codesign.Core.Artifacts;
using Codesign.Core.Numerics;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Data;
using Codesign.Training.Float;
using Codesign.Training.Loop;
using Codesign.Training.Metrics;
using TorchSharp;

namespace Codesign.Training.Quantization;

public sealed record QatResult(
    QuantizedModel Model,
    IReadOnlyList<EpochReport> History,
    ClassificationMetrics Test,
    ClassificationMetrics? Validation,
    float[] TestScores);

/// <summary>
/// Quantization-aware fine-tuning: starts from the float weights (BatchNorm folded), calibrates the activation
/// ranges on the training data, lets them follow an exponential moving average for the warm-up epochs, then
/// freezes them and trains on. Deterministic per seed like the float trainer.
/// </summary>
public static class QatTrainer
{
    public static QatResult Train(
        ModelSpec model,
        QatSpec qat,
        QuantizationPlan plan,
        IReadOnlyList<NamedTensor> floatWeights,
        Dataset data,
        Action<EpochReport>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(qat);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(data);
        var train = data.Train;
        return TorchProcessState.Seeded(qat.Settings, () =>
        {
            using var network = new QuantizedMlp(model, plan, QuantizedMlp.FoldLayers(model, floatWeights), QatStart.InputFormat(train, plan), qat.RangeMomentum, qat.RangeQuantile);
            QatStart.Calibrate(train, network.CalibrateRanges);
            var history = SupervisedLoop.Run(network, qat.Settings, data, progress, cancellation,
                beforeEpoch: epoch => FreezeAfterWarmup(network, epoch, qat.ActivationWarmupEpochs));
            FreezeAfterWarmup(network, qat.Settings.Epochs, qat.ActivationWarmupEpochs);
            var (testScores, testMetrics, validationMetrics) = SupervisedLoop.Evaluate(network, data);
            return new QatResult(network.Snapshot(), history, testMetrics, validationMetrics, testScores);
        });
    }

    private static void FreezeAfterWarmup(QuantizedMlp network, int epoch, int warmupEpochs)
    {
        var frozen = epoch >= warmupEpochs;
        network.TrackRanges = !frozen;
        foreach (var range in network.Ranges)
        {
            range.Frozen = frozen;
        }
    }

}
