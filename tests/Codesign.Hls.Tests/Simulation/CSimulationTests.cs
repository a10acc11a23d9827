using System.Text.Json;
using Codesign.Core.Diagnostics;
using Codesign.Hls.Project;
using Codesign.Hls.Simulation;
using Codesign.Qonnx.Execution;
using Xunit.Abstractions;

namespace Codesign.Hls.Tests.Simulation;

public sealed class CSimulationTests(JetTaggerSimulation jet, ITestOutputHelper output) : IClassFixture<JetTaggerSimulation>
{
    [Fact]
    public void Jet_tagger_C_simulation_equals_the_executor_bit_for_bit_on_10000_samples()
    {
        var report = jet.Report;
        Assert.Equal(JetTaggerSimulation.Samples, report.Samples);
        Assert.Equal(0, report.MismatchedSamples);
        Assert.Empty(report.FirstMismatches);
        Assert.True(report.Identical);
    }

    [Fact]
    public void The_generated_testbench_reads_tb_data_and_agrees_with_the_predictions()
    {
        Assert.Equal(new TestBenchRun(0, JetTaggerSimulation.Samples, 0), jet.Report.TestBench);
        var results = Values(Path.Combine(jet.Project.Directory, "tb_data", "csim_results.log"));
        var predictions = Values(Path.Combine(jet.Project.Directory, "tb_data", "tb_output_predictions.dat"));
        Assert.Equal(JetTaggerSimulation.Samples * 5, results.Length);

        // 16-bit outputs: every decimal on either side is a double exactly, so == compares the exact values.
        Assert.Equal(predictions, results);
    }

    [Fact]
    public void The_inputs_exercise_ties_and_saturation_at_the_input_quant()
    {
        var format = TestGraphs.JetInput;
        var ties = jet.Inputs.Count(v => v >= format.MinValue && v <= format.MaxValue && Math.ScaleB(v, format.FractionalBits) % 1 is 0.5 or -0.5);
        var saturated = jet.Inputs.Count(v => v > format.MaxValue || v < format.MinValue);
        Assert.True(ties > 10_000, $"{ties} ties");
        Assert.True(saturated > 5_000, $"{saturated} saturating inputs");
    }

    [Fact]
    public void The_predictor_is_a_batched_API_that_returns_the_executors_codes()
    {
        using var predictor = HlsPredictor.Build(jet.Project);
        var rows = 257;
        var inputs = jet.Inputs.AsSpan(0, rows * 16);
        Assert.Equal(GraphExecutor.RunCodes(jet.Graph, inputs, rows), predictor.PredictCodes(inputs, rows));
        Assert.Equal(GraphExecutor.Run(jet.Graph, inputs, rows).Select(v => (double)v), predictor.Predict(inputs, rows));
    }

    [Fact]
    public void Csim_json_records_samples_identity_and_compile_time()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(jet.Project.Directory, CSimulation.ReportFile)));
        var root = json.RootElement;
        Assert.Equal(JetTaggerSimulation.Samples, root.GetProperty("samples").GetInt32());
        Assert.True(root.GetProperty("identical").GetBoolean());
        Assert.Equal(0, root.GetProperty("first_mismatches").GetArrayLength());
        Assert.True(root.GetProperty("compile_seconds").GetDouble() >= 0);
        output.WriteLine($"compile {jet.Report.CompileSeconds} s, predict {jet.Report.PredictSeconds} s, reference {jet.Report.ReferenceSeconds} s");
    }

    [Fact]
    public void A_kernel_that_truncates_instead_of_rounding_is_caught_and_the_trace_names_its_layer()
    {
        using var folder = new TemporaryFolder("wrong");
        var project = HlsProjectWriter.Write(jet.Graph, new HlsSettings { ProjectName = "jet_tagger" }, folder.Path);

        // Node 7 is fc2_quant; make its cast truncate (AP_TRN) as a wrong kernel would.
        var defines = Path.Combine(folder.Path, "firmware", "defines.h");
        var text = File.ReadAllText(defines);
        var line = text.Split('\n').Single(l => l.EndsWith(" layer7_t;", StringComparison.Ordinal));
        File.WriteAllText(defines, text.Replace(line, line.Replace("AP_RND_CONV", "AP_TRN", StringComparison.Ordinal), StringComparison.Ordinal));

        var report = CSimulation.Run(project, jet.Inputs[..(2_000 * 16)], 2_000, new CSimulationOptions { RunTestBench = false });

        Assert.False(report.Identical);
        Assert.True(report.MismatchedSamples > 0);
        Assert.NotEmpty(report.FirstDifferingLayers);
        Assert.All(report.FirstDifferingLayers, layer => Assert.Equal((7, "fc2_quant"), (layer.NodeIndex, layer.Node)));
        var error = Assert.Throws<CodesignException>(report.ThrowIfMismatched);
        Assert.Equal(DiagnosticCodes.CSimulationMismatch, error.Diagnostics[0].Code);
        Assert.Contains("'fc2_quant'", error.Message, StringComparison.Ordinal);
    }

    private static double[] Values(string path) =>
        [.. File.ReadAllText(path).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
}
