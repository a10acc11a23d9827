using Codesign.Core.Artifacts;
using Codesign.Core.Numerics;
using Codesign.Core.Spec;
using Codesign.Training.Models;
using Codesign.Training.Quantization;
using static TorchSharp.torch;

namespace Codesign.Training.Autoencoder;

/// <summary>
/// The autoencoder during QAT: the encoder fake-quantized (<see cref="QuantizedLayerChain"/>, what goes to hardware)
/// and the decoder in float, both starting from the float weights and trained together on the reconstruction loss.
/// </summary>
public sealed class QuantizedAutoencoder : nn.Module<Tensor, Tensor>
{
    private readonly QuantizedLayerChain encoder;
    private readonly LayerChain decoder;

    public QuantizedAutoencoder(ModelSpec spec, QuantizationPlan plan, IReadOnlyList<NamedTensor> floatWeights, FixedPointFormat inputFormat, double rangeMomentum, double rangeQuantile)
        : base("qautoencoder")
    {
        ArgumentNullException.ThrowIfNull(spec);
        encoder = new QuantizedLayerChain(spec.HardwareLayers, plan, floatWeights, inputFormat, rangeMomentum, rangeQuantile);
        decoder = new LayerChain("decoder", spec.DecoderLayers);
        decoder.Load(floatWeights);
        RegisterComponents();
    }

    public QuantizedLayerChain Encoder => encoder;

    public LayerChain Decoder => decoder;

    public override Tensor forward(Tensor input) => decoder.forward(encoder.forward(input));

    /// <summary>The decoder's weights as trained alongside the quantized encoder, under their spec names.</summary>
    public IReadOnlyList<NamedTensor> DecoderWeights() => TorchProcessState.Snapshot(decoder.NamedState());
}
