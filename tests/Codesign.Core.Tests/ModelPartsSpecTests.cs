using Codesign.Core.Diagnostics;
using Codesign.Core.Graph;
using Codesign.Core.Spec;

namespace Codesign.Core.Tests;

/// <summary>Convolution layers, shape inference and model parts (encoder and decoder) in the spec.</summary>
public class ModelPartsSpecTests
{
    private const string Autoencoder = """
        model:
          input_shape: [8, 8, 1]
          encoder:
            - { name: conv, type: conv2d, filters: 8, kernel: 3, stride: 2, padding: same }
            - { type: flatten }
            - { name: enc_dense, type: dense, units: 16 }
          decoder:
            - { type: dense, units: 128 }
            - { type: reshape, shape: [4, 4, 8] }
            - { type: conv_transpose2d, filters: 8, kernel: 3, stride: 2, padding: 1, output_padding: 1 }
            - { type: conv_transpose2d, filters: 1, kernel: 3, padding: 1, activation: sigmoid }
        data:
          source: hgcal
          samples: 1000
        """;

    private static void AssertError(string yaml, string code, int line, int column, string messagePart)
    {
        var error = SpecText.SingleError(yaml);
        Assert.Equal(code, error.Code);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Autoencoder_layers_get_parts_shapes_and_default_names()
    {
        var model = SpecText.Parse(Autoencoder).Model;
        Assert.Equal(ModelTask.Reconstruction, model.Task);
        Assert.Equal(new TensorShape(8, 8, 1), model.InputShape);
        Assert.Equal(["conv", "flatten_2", "enc_dense"], model.HardwareLayers.Select(l => l.Name));
        Assert.Equal(["dense_4", "reshape_5", "conv_transpose2d_6", "conv_transpose2d_7"], model.DecoderLayers.Select(l => l.Name));
        Assert.Equal(
            [new TensorShape(4, 4, 8), new TensorShape(128), new TensorShape(16), new TensorShape(128), new TensorShape(4, 4, 8), new TensorShape(8, 8, 8), new TensorShape(8, 8, 1)],
            model.Layers.Select(l => l.OutputShape));
        Assert.Equal(new ConvolutionSpec(3, 2, 1), model.Layers[0].Convolution);
        Assert.Equal(128, model.Layers[1].Units);
        Assert.Equal([Activation.Relu, Activation.None, Activation.Relu, Activation.Relu, Activation.None, Activation.Relu, Activation.Sigmoid], model.Layers.Select(l => l.Activation));
        Assert.Equal(64, model.Outputs);
    }

    [Fact]
    public void Autoencoder_defaults_to_the_reconstruction_loss()
    {
        var spec = SpecText.Parse(Autoencoder);
        Assert.Equal(LossKind.MeanSquaredError, spec.Training.Loss);
        Assert.Equal(LossKind.MeanSquaredError, spec.Qat.Settings.Loss);
        Assert.Equal(LossKind.CrossEntropy, SpecText.Parse(SpecText.Minimal).Training.Loss);
    }

    [Fact]
    public void Hgcal_sources_give_the_image_shape_and_no_classes()
    {
        var spec = SpecText.Parse(Autoencoder.Replace("  input_shape: [8, 8, 1]\n", string.Empty, StringComparison.Ordinal));
        Assert.Equal(new TensorShape(8, 8, 1), spec.Model.InputShape);
        Assert.True(spec.Data.IsUnlabeled);
        Assert.Empty(spec.Data.Classes);
        Assert.Equal(1000, spec.Data.Samples);
    }

    [Fact]
    public void Hgcal_csv_reads_only_paths()
    {
        var spec = SpecText.Parse(Autoencoder.Replace("source: hgcal\n  samples: 1000", "source: hgcal-csv\n  path: data/modules.csv", StringComparison.Ordinal));
        Assert.Equal(DataSource.HgcalCsv, spec.Data.Source);
        Assert.Equal(Path.GetFullPath("/specs/data/modules.csv"), spec.Data.Files!.Patterns[0]);
    }

    [Fact]
    public void Dense_model_fingerprint_ignores_the_new_keys()
    {
        // The jet tagger's model hash must not move: nothing about dense layers changed.
        var before = SpecText.Parse(SpecText.Minimal).SectionHashes["model"];
        var spelled = SpecText.Parse(SpecText.Minimal.Replace("model:\n", "model:\n  inputs: 16\n", StringComparison.Ordinal)).SectionHashes["model"];
        Assert.Equal(before, spelled);
        Assert.NotEqual(SpecText.Parse(Autoencoder).SectionHashes["model"], SpecText.Parse(Autoencoder.Replace("kernel: 3, stride: 2, padding: same", "kernel: 3, stride: 2, padding: 0", StringComparison.Ordinal)).SectionHashes["model"]);
    }

    [Fact]
    public void Shape_mismatch_is_reported_at_the_layer_with_both_shapes() =>
        AssertError(Autoencoder.Replace("shape: [4, 4, 8]", "shape: [4, 4, 4]", StringComparison.Ordinal), DiagnosticCodes.InconsistentSpec, 9, 7,
            "turns [128] (128 elements) into [4, 4, 4] (64 elements)");

    [Fact]
    public void Dense_after_a_convolution_needs_a_flatten() =>
        AssertError(Autoencoder.Replace("    - { type: flatten }\n", string.Empty, StringComparison.Ordinal), DiagnosticCodes.InconsistentSpec, 5, 7,
            "dense layer 'enc_dense' needs a vector but gets a [4, 4, 8] tensor");

    [Fact]
    public void Reconstruction_must_have_the_input_shape() =>
        AssertError(Autoencoder.Replace("filters: 1, kernel: 3, padding: 1", "filters: 2, kernel: 3, padding: 1", StringComparison.Ordinal), DiagnosticCodes.InconsistentSpec, 11, 7,
            "outputs [8, 8, 2] but an autoencoder must reproduce its [8, 8, 1] input");

    [Fact]
    public void Decoder_without_encoder_is_an_error() =>
        AssertError("model:\n  decoder:\n    - { units: 4 }\ndata: { source: hgcal }\n", DiagnosticCodes.MissingKey, 2, 3, "'model.decoder' needs a 'model.encoder'");

    [Fact]
    public void Layers_and_parts_do_not_mix() =>
        AssertError("model:\n  layers: [ { units: 5 } ]\n  encoder: [ { units: 5 } ]\ndata: { source: jets }\n", DiagnosticCodes.InconsistentSpec, 3, 3, "either 'layers'");

    [Fact]
    public void Key_of_another_layer_type_is_an_error() =>
        AssertError(Autoencoder.Replace("{ type: flatten }", "{ type: flatten, units: 3 }", StringComparison.Ordinal), DiagnosticCodes.InconsistentSpec, 5, 24,
            "'units' does not apply to a 'flatten' layer");

    [Fact]
    public void Transposed_convolution_cannot_go_to_hardware() =>
        AssertError(Autoencoder.Replace("{ name: enc_dense, type: dense, units: 16 }", "{ name: enc_dense, type: dense, units: 16 }\n    - { type: reshape, shape: [2, 2, 4] }\n    - { type: conv_transpose2d, filters: 1, kernel: 1 }\n    - { type: flatten }\n    - { type: dense, units: 16 }", StringComparison.Ordinal), DiagnosticCodes.InconsistentSpec, 8, 7,
            "conv_transpose2d and sigmoid belong in a float 'decoder'");

    [Fact]
    public void Same_padding_needs_an_odd_kernel() =>
        AssertError(Autoencoder.Replace("kernel: 3, stride: 2, padding: same", "kernel: 2, stride: 2, padding: same", StringComparison.Ordinal), DiagnosticCodes.InconsistentSpec, 4, 78,
            "needs an odd kernel");

    [Fact]
    public void Unlabelled_data_needs_an_autoencoder() =>
        AssertError("model:\n  layers: [ { type: flatten }, { units: 5 } ]\ndata: { source: hgcal }\n", DiagnosticCodes.InconsistentSpec, 2, 3, "has no labels to classify");

    [Fact]
    public void Classifier_cannot_use_the_reconstruction_loss() =>
        AssertError(SpecText.Minimal + "\ntraining:\n  loss: mse\n", DiagnosticCodes.InconsistentSpec, 9, 3, "must be 'cross_entropy'");

    [Fact]
    public void Sigmoid_only_on_the_last_decoder_layer() =>
        AssertError(Autoencoder.Replace("{ type: dense, units: 128 }", "{ type: dense, units: 128, activation: sigmoid }", StringComparison.Ordinal), DiagnosticCodes.InconsistentSpec, 8, 7,
            "'sigmoid' is supported only on the decoder's last layer");

    [Fact]
    public void Hls_reuse_factors_name_only_weighted_encoder_layers()
    {
        var spec = SpecText.Parse(Autoencoder + "\nprecision: { weights: 6 }\nhls:\n  layers: { conv: { reuse_factor: 2 } }\n");
        Assert.Equal(2, spec.Hls.LayerReuseFactors["conv"]);
        AssertError(Autoencoder + "\nprecision: { weights: 6 }\nhls:\n  layers: { dense_4: { reuse_factor: 2 } }\n", DiagnosticCodes.UnknownKey, 17, 13,
            "names no layer with weights in the hardware part");
    }
}
