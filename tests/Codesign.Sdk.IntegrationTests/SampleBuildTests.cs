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
}
