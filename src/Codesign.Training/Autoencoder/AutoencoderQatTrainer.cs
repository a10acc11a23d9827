using Codesign.Core.Artifacts;
using Codesign.Core.Numerics;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Data;
using Codesign.Training.Float;
using Codesign.Training.Loop;
using Codesign.Training.Metrics;
using Codesign.Training.Quantization;
using TorchSharp;

namespace Codesign.Training.Autoencoder;

/// <param name="Encoder">The quantized encoder: what every later stage turns into QONNX and firmware.</param>
/// <param name="Test">Reconstruction quality of the quantized encoder with the float decoder.</param>
/// <param name="TestLatents">The fake-quantized encoder's outputs on the test split, row-major, for the fidelity check.</param>
public sealed record AutoencoderQatResult(
    QuantizedModel Encoder,
    IReadOnlyList<NamedTensor> DecoderWeights,
    IReadOnlyList<EpochReport> History,
    ReconstructionMetrics Test,
    ReconstructionMetrics? Validation,
    float[] TestLatents);

/// <summary>
/// Quantization-aware fine-tuning of an autoencoder: the encoder fake-quantized, the decoder float, from the float
/// weights, on the reconstruction loss. Ranges are calibrated, followed during warm-up and then frozen, as in
/// <see cref="QatTrainer"/>; deterministic per seed.
/// </summary>
public static class AutoencoderQatTrainer
{
    public static AutoencoderQatResult Train(
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
        ArgumentNullException.ThrowIfNull(data);
        var train = data.Train;
        return TorchProcessState.Seeded(qat.Settings, () =>
        {
            using var network = new QuantizedAutoencoder(model, plan, floatWeights, QatStart.InputFormat(train, plan), qat.RangeMomentum, qat.RangeQuantile);
            QatStart.Calibrate(train, network.Encoder.CalibrateRanges);
            var history = ReconstructionLoop.Run(network, qat.Settings, data, progress, cancellation,
                beforeEpoch: epoch => Freeze(network.Encoder, epoch >= qat.ActivationWarmupEpochs));
            Freeze(network.Encoder, frozen: true);
            var (test, validation) = AutoencoderTrainer.Evaluate(network, data);
            var latents = SupervisedLoop.Predict(network.Encoder, data.Test, network.Encoder.OutputShape.Size);
            return new AutoencoderQatResult(network.Encoder.Snapshot(), network.DecoderWeights(), history, test, validation, latents);
        });
    }

    private static void Freeze(QuantizedLayerChain encoder, bool frozen)
    {
        encoder.TrackRanges = !frozen;
        foreach (var range in encoder.Ranges)
        {
            range.Frozen = frozen;
        }
    }
}
