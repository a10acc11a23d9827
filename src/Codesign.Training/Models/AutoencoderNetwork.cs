using Codesign.Core.Artifacts;
using Codesign.Core.Spec;
using static TorchSharp.torch;

namespace Codesign.Training.Models;

/// <summary>
/// An autoencoder as the spec's parts describe it: the encoder (the hardware part) and the float decoder, each a
/// <see cref="LayerChain"/>. Rows in and out are channels-last images; the latent is the encoder's output.
/// </summary>
public sealed class AutoencoderNetwork : nn.Module<Tensor, Tensor>
{
    private readonly LayerChain encoder;
    private readonly LayerChain decoder;

    public AutoencoderNetwork(ModelSpec spec)
        : base("autoencoder")
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Task != ModelTask.Reconstruction)
        {
            throw new ArgumentException("The model has no decoder: it is a classifier.", nameof(spec));
        }

        Spec = spec;
        encoder = new LayerChain("encoder", spec.HardwareLayers);
        decoder = new LayerChain("decoder", spec.DecoderLayers);
        RegisterComponents();
    }

    public ModelSpec Spec { get; }

    public LayerChain Encoder => encoder;

    public LayerChain Decoder => decoder;

    public override Tensor forward(Tensor input) => decoder.forward(encoder.forward(input));

    /// <summary>Encoder then decoder parameters under their spec names.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedState() => encoder.NamedState().Concat(decoder.NamedState());

    public void Load(IReadOnlyList<NamedTensor> weights)
    {
        encoder.Load(weights);
        decoder.Load(weights);
    }
}
