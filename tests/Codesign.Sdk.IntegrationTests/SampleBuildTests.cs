using System.Text.Json.Nodes;

namespace Codesign.Sdk.IntegrationTests;

/// <summary>The README's first command, exactly as a newcomer types it, must keep working.</summary>
public class SampleBuildTests
{
    [Fact]
    public void Jet_tagger_sample_builds_every_stage()
    {
        var project = Path.Combine("samples", "JetTagger", "JetTagger.nnproj");

        var result = Dotnet.Run(RepositoryLayout.Root, null, "build", project, "-nologo", "-tl:off");

        result.AssertSucceeded();
        var deliverables = Path.Combine(RepositoryLayout.Root, "samples", "JetTagger", "bin", RepositoryLayout.Configuration, "net10.0", "codesign", "jet_tagger");
        foreach (var file in new[] { "float/weights.bin", "float/metrics.json", "qat/model.json", "qat/metrics.json", "qat/roc.png", "qonnx/jet_tagger.onnx" })
        {
            Assert.True(File.Exists(Path.Combine(deliverables, file)), file + "\n" + result.Output);
        }
    }

    [Fact]
    public void Econ_autoencoder_sample_builds_every_stage_with_a_bit_exact_csim()
    {
        var project = Path.Combine("samples", "EconAutoencoder", "EconAutoencoder.nnproj");

        var result = Dotnet.Run(RepositoryLayout.Root, null, "build", project, "-nologo", "-tl:off");

        result.AssertSucceeded();
        var deliverables = Path.Combine(RepositoryLayout.Root, "samples", "EconAutoencoder", "bin", RepositoryLayout.Configuration, "net10.0", "codesign", "econ_autoencoder");
        foreach (var file in new[]
        {
            "float/weights.bin", "float/metrics.json", "qat/model.json", "qat/decoder.bin", "qat/metrics.json", "qonnx/econ_autoencoder.onnx",
            "hls/econ_autoencoder/firmware/econ_autoencoder.cpp", "csim/csim.json",
        })
        {
            Assert.True(File.Exists(Path.Combine(deliverables, file)), file + "\n" + result.Output);
        }

        var csim = JsonNode.Parse(File.ReadAllText(Path.Combine(deliverables, "csim/csim.json")))!;
        Assert.True((bool)csim["identical"]!, result.Output);
        Assert.Equal(16, (int)csim["outputs"]!);

        // The quantized encoder with the float decoder, and the float autoencoder beside it: both EMDs measured.
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(deliverables, "qat/metrics.json")))!;
        Assert.InRange((double)metrics["test"]!["emd"]!, 0.01, 3);
        Assert.InRange((double)metrics["float_test"]!["emd"]!, 0.01, 3);
        Assert.Equal((int)metrics["integer_executor"]!["samples"]!, (int)metrics["integer_executor"]!["identical_outputs"]!);
    }
}
