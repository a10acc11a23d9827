namespace Codesign.Sdk.IntegrationTests;

/// <summary>The firmware stages under dotnet build: the HLS project, the bit-exact C-simulation and synthesis.</summary>
public sealed class FirmwareBuildTests : IDisposable
{
    private const string QuantizedSpec = NnProject.SmallSpec + """

        precision: { weights: 6 }
        qat: { epochs: 1 }
        hls:
          project: small_fw
          clock_period: 5
          csim_samples: 500
        """;

    private readonly NnProject project = new(QuantizedSpec);

    public void Dispose() => project.Dispose();

    private string Deliverable(string relative) => Path.Combine(project.OutputDirectory, relative);

    [Fact]
    public void Build_writes_the_project_passes_the_c_simulation_and_reports_an_estimate()
    {
        var result = project.Build();

        result.AssertSucceeded();
        foreach (var stage in new[] { "hls", "csim", "synth" })
        {
            Assert.True(result.StageRan(stage), stage + "\n" + result.Output);
        }

        foreach (var file in new[] { "hls/small_fw/firmware/small_fw.cpp", "hls/small_fw/build_prj.tcl", "hls/small_fw/tb_data/tb_input_features.dat", "qonnx/small.qcdq.onnx" })
        {
            Assert.True(File.Exists(Deliverable(file)), file);
        }

        Assert.Contains("identical to the reference executor in every bit", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"mismatched_samples\": 0", File.ReadAllText(Deliverable("csim/csim.json")), StringComparison.Ordinal);
        Assert.Contains("warning CSD0601: Vitis HLS not found; synthesis skipped", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"kind\": \"estimate\"", File.ReadAllText(Deliverable("synth/report.json")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Deliverable("hls/small_fw/build")), "C-simulation build products must stay out of the firmware deliverable");
    }

    [Fact]
    public void Changing_only_hls_settings_reruns_hls_csim_and_synth_and_nothing_before()
    {
        project.Build().AssertSucceeded();
        project.EditSpec("clock_period: 5", "clock_period: 4");

        var rebuild = project.Build();

        rebuild.AssertSucceeded();
        foreach (var target in new[] { "CodesignPrepareData", "CodesignTrain", "CodesignQat", "CodesignExportQonnx" })
        {
            Assert.True(rebuild.TargetSkipped(target), target + "\n" + rebuild.Output);
        }

        foreach (var stage in new[] { "hls", "csim", "synth" })
        {
            Assert.True(rebuild.StageRan(stage), stage + "\n" + rebuild.Output);
        }

        Assert.Contains("set clock_period 4\n", File.ReadAllText(Deliverable("hls/small_fw/project.tcl")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_softmax_output_reruns_only_the_firmware_stages_and_its_c_simulation_is_bit_exact()
    {
        project.Build().AssertSucceeded();
        project.EditSpec("clock_period: 5", "clock_period: 5\n  output: softmax\n  softmax_table_size: 256");

        var rebuild = project.Build();

        rebuild.AssertSucceeded();
        foreach (var target in new[] { "CodesignTrain", "CodesignQat", "CodesignExportQonnx" })
        {
            Assert.True(rebuild.TargetSkipped(target), target + "\n" + rebuild.Output);
        }

        Assert.Contains("identical to the reference executor in every bit", rebuild.Output, StringComparison.Ordinal);
        Assert.Contains("hls: softmax with 256-entry tables on 500 test samples: class = logits' class on", rebuild.Output, StringComparison.Ordinal);
        Assert.Contains("nnet::softmax<", File.ReadAllText(Deliverable("hls/small_fw/firmware/small_fw.cpp")), StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Deliverable("hls/small_fw/firmware/weights"), "*_table*.h").Length);
        Assert.Contains("\"operation\": \"softmax\"", File.ReadAllText(Deliverable("synth/estimate.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_project_replaces_the_old_one()
    {
        project.Build().AssertSucceeded();
        project.EditSpec("project: small_fw", "project: renamed_fw");

        project.Build().AssertSucceeded();

        Assert.True(File.Exists(Deliverable("hls/renamed_fw/firmware/renamed_fw.cpp")));
        Assert.False(Directory.Exists(Deliverable("hls/small_fw")));
    }

    [Theory]
    [InlineData("project: \"x; exec rm -rf /\"", "'hls.project' must be a C identifier")]
    [InlineData("project: \"[exec ls]\"", "'hls.project' must be a C identifier")]
    [InlineData("project: ../escape", "'hls.project' must be a C identifier")]
    public void Hostile_project_names_are_positioned_errors_and_nothing_is_written(string line, string message)
    {
        project.EditSpec("project: small_fw", line);

        var result = project.Build();

        result.AssertFailed();
        var lineNumber = Array.FindIndex(File.ReadAllLines(project.SpecPath), text => text.TrimStart().StartsWith("project:", StringComparison.Ordinal)) + 1;
        Assert.Contains($"{project.SpecPath}({lineNumber},12): error CSD0008: {message}", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(project.OutputDirectory, "hls")));
        Assert.False(Directory.Exists(Path.Combine(project.ProjectDirectory, "escape")));
    }
}
