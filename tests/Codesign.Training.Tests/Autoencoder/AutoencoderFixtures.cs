using Codesign.Core.Spec;
using Codesign.Data;

namespace Codesign.Training.Tests.Autoencoder;

/// <summary>A small ECON-T-shaped autoencoder spec and generated HGCal modules for it.</summary>
internal static class AutoencoderFixtures
{
    public const string SpecText = """
        model:
          input_shape: [8, 8, 1]
          encoder:
            - { name: conv, type: conv2d, filters: 4, kernel: 3, stride: 2, padding: 1 }
            - { name: flatten, type: flatten }
            - { name: enc_dense, type: dense, units: 8 }
          decoder:
            - { name: dec_dense, type: dense, units: 64 }
            - { name: unflatten, type: reshape, shape: [4, 4, 4] }
            - { name: deconv, type: conv_transpose2d, filters: 1, kernel: 3, stride: 2, padding: 1, output_padding: 1, activation: sigmoid }
        data:
          source: hgcal
          samples: 600
          seed: 3
        training:
          epochs: 2
          batch_size: 32
          seed: 5
        precision:
          weights: 6
          input: 16
          output: 12
        qat:
          epochs: 2
          batch_size: 32
        """;

    private static readonly Lazy<CodesignSpec> Parsed = new(() => SpecReader.Parse("/specs/econ.yaml", SpecText));

    private static readonly Lazy<Dataset> Prepared = new(() => DataPreparer.Prepare(Parsed.Value.Data).Dataset);

    public static CodesignSpec Spec => Parsed.Value;

    public static Dataset Data => Prepared.Value;
}
