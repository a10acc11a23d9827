using System.Globalization;
using Codesign.Core.Graph;
using Codesign.Hls.Project;
using Codesign.Core.Spec;

namespace Codesign.Hls.Tests.Project;

public sealed class HlsProjectWriterTests
{
    private static readonly QuantizedGraph Jet = TestGraphs.JetTagger();

    [Fact]
    public void Writes_the_hls4ml_layout()
    {
        using var folder = new TemporaryFolder("layout");
        var project = HlsProjectWriter.Write(Jet, new HlsSettings { ProjectName = "jet_tagger" }, folder.Path);

        string[] expected =
        [
            "README.md", "build_prj.tcl", "firmware/ap_types/ap_fixed.h", "firmware/ap_types/ap_int.h", "firmware/defines.h",
            "firmware/jet_tagger.cpp", "firmware/jet_tagger.h", "firmware/nnet_utils/nnet_activation.h", "firmware/nnet_utils/nnet_common.h",
            "firmware/nnet_utils/nnet_conv2d.h", "firmware/nnet_utils/nnet_dense.h", "firmware/nnet_utils/nnet_trace.h", "firmware/parameters.h",
            "firmware/weights/b11.h", "firmware/weights/b2.h", "firmware/weights/b5.h", "firmware/weights/b8.h",
            "firmware/weights/w11.h", "firmware/weights/w2.h", "firmware/weights/w5.h", "firmware/weights/w8.h",
            "jet_tagger_bridge.cpp", "jet_tagger_test.cpp", "project.tcl", "vivado_synth.tcl",
        ];
        Assert.Empty(expected.Except(project.Files));
        Assert.All(project.Files, file => Assert.True(File.Exists(Path.Combine(folder.Path, file)), file));
        var onDisk = Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder.Path, f).Replace('\\', '/'));
        Assert.Equal(project.Files.Order(StringComparer.Ordinal), onDisk.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_top_function_calls_one_kernel_per_node_with_io_parallel_pragmas()
    {
        var top = Render(Jet)["firmware/jet_tagger.cpp"];
        AssertLines(top,
            "void jet_tagger(input_t input[N_INPUT], result_t result[N_OUTPUT]) {",
            "#pragma HLS ARRAY_PARTITION variable = input complete dim = 0",
            "#pragma HLS ARRAY_PARTITION variable = result complete dim = 0",
            "#pragma HLS INTERFACE ap_vld port = input, result",
            "#pragma HLS PIPELINE",
            "  layer2_t layer2_out[N_LAYER_2];",
            "  nnet::dense<input_t, layer2_t, config2>(input, layer2_out, w2, b2);",
            "  nnet::relu<layer2_t, layer3_t, config3>(layer2_out, layer3_out);",
            "  nnet::linear<layer3_t, layer4_t, config4>(layer3_out, layer4_out);",
            "  nnet::dense<layer10_t, layer11_t, config11>(layer10_out, layer11_out, w11, b11);",
            "  nnet::linear<layer11_t, result_t, config12>(layer11_out, result);",
            "  nnet::trace_codes<layer7_t, N_LAYER_7>(272, layer7_out);");
        Assert.Contains("void jet_tagger(input_t input[N_INPUT], result_t result[N_OUTPUT]);", Render(Jet)["firmware/jet_tagger.h"], StringComparison.Ordinal);
    }

    [Fact]
    public void Defines_have_one_typedef_per_tensor_with_rounding_only_on_quant_outputs()
    {
        var defines = Render(Jet)["firmware/defines.h"];
        var fc1 = Jet.Tensor("fc1_out").Format!.Value;
        var fc1Quant = Jet.Tensor("fc1_quant_out").Format!.Value;
        var fc1Weights = ((DenseNode)Jet.Nodes[1]).WeightFormat;
        AssertLines(defines,
            "#define N_INPUT 16",
            "#define N_LAYER_2 64",
            "#define N_OUTPUT 5",
            $"#define N_TRACE {Jet.Nodes.Sum(n => Jet.OutputOf(n).Shape.Size)}",
            "typedef ap_fixed<16,6,AP_RND_CONV,AP_SAT> input_t;",
            $"typedef ap_fixed<{fc1Weights.TotalBits},{fc1Weights.IntegerBits}> weight2_t;",
            "typedef ap_fixed<8,3> bias2_t;",
            $"typedef ap_fixed<{fc1.TotalBits},{fc1.IntegerBits}> accum2_t;",
            $"typedef ap_fixed<{fc1.TotalBits},{fc1.IntegerBits}> layer2_t;",
            $"typedef ap_fixed<{fc1.TotalBits},{fc1.IntegerBits}> layer3_t;",
            $"typedef ap_ufixed<{fc1Quant.TotalBits},{fc1Quant.IntegerBits},AP_RND_CONV,AP_SAT> layer4_t;",
            "typedef ap_fixed<16,6,AP_RND_CONV,AP_SAT> result_t;");
    }

    [Fact]
    public void Parameters_hold_one_config_struct_per_layer()
    {
        var settings = new HlsSettings
        {
            ProjectName = "jet_tagger",
            Strategy = HlsStrategy.Resource,
            ReuseFactor = 4,
            LayerReuseFactors = new Dictionary<string, int> { ["fc2"] = 8 },
        };
        var parameters = Render(Jet, settings)["firmware/parameters.h"];
        AssertLines(parameters,
            "#include \"nnet_utils/nnet_dense.h\"",
            "#include \"weights/w2.h\"",
            "struct config2 : nnet::dense_config {",
            "  static const unsigned n_in = 16;",
            "  static const unsigned n_out = 64;",
            "  static const unsigned strategy = nnet::resource;",
            "  static const unsigned reuse_factor = 4;",
            "  static const unsigned reuse_factor = 8;",
            "  typedef accum2_t accum_t;",
            "  typedef bias2_t bias_t;",
            "  typedef weight2_t weight_t;",
            "struct config3 : nnet::activ_config {",
            "  static const unsigned n_in = N_LAYER_3;");
        var fc1 = (DenseNode)Jet.Nodes[1];
        Assert.Contains($"  static const unsigned multiplier_limit = {(fc1.WeightCodes.Count(c => c != 0) + 3) / 4};", parameters, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_are_exact_decimals_of_the_codes()
    {
        var fc1 = (DenseNode)Jet.Nodes[1];
        var header = Render(Jet)["firmware/weights/w2.h"];
        Assert.Contains("static const weight2_t w2[1024] = {", header, StringComparison.Ordinal);
        var body = header[(header.IndexOf('{', StringComparison.Ordinal) + 1)..header.IndexOf("};", StringComparison.Ordinal)];
        var values = body.Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(fc1.WeightCodes, values.Select(v => (long)Math.ScaleB(v, fc1.WeightFormat.FractionalBits)));
        Assert.All(values, v => Assert.Equal(0, Math.ScaleB(v, fc1.WeightFormat.FractionalBits) % 1));
    }

    [Fact]
    public void Project_tcl_holds_only_identifiers_part_and_numbers()
    {
        var tcl = Render(Jet, new HlsSettings { ProjectName = "jet_tagger", ClockPeriodNs = 3.125 })["project.tcl"];
        AssertLines(tcl,
            "set project_name \"jet_tagger\"",
            "set part \"xcvu13p-flga2577-2-e\"",
            "set clock_period 3.125",
            "set clock_uncertainty 12.5%");
        var build = Render(Jet)["build_prj.tcl"];
        Assert.Contains("array set opt {reset 0 csim 1 synth 1 cosim 0 validation 0 export 0 vsynth 0}", build, StringComparison.Ordinal);
        Assert.Contains("source [file join [file dirname [info script]] project.tcl]", Render(Jet)["vivado_synth.tcl"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_graph_and_settings_give_the_same_bytes()
    {
        using var first = new TemporaryFolder("bytes-a");
        using var second = new TemporaryFolder("bytes-b");
        var a = HlsProjectWriter.Write(TestGraphs.JetTagger(), new HlsSettings(), first.Path);
        var b = HlsProjectWriter.Write(TestGraphs.JetTagger(), new HlsSettings(), second.Path);
        Assert.Equal(a.Files, b.Files);
        Assert.All(a.Files, file => Assert.Equal(File.ReadAllBytes(first.Combine(file)), File.ReadAllBytes(second.Combine(file))));
        Assert.All(a.Files.Where(f => !f.Contains("ap_types", StringComparison.Ordinal)), file => Assert.DoesNotContain((byte)'\r', File.ReadAllBytes(first.Combine(file))));
    }

    [Fact]
    public void Rewriting_an_unchanged_project_leaves_its_files_untouched()
    {
        using var folder = new TemporaryFolder("rewrite");
        var project = HlsProjectWriter.Write(Jet, new HlsSettings(), folder.Path);
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var file in project.Files)
        {
            File.SetLastWriteTimeUtc(folder.Combine(file), stamp);
        }

        HlsProjectWriter.Write(Jet, new HlsSettings(), folder.Path);
        Assert.All(project.Files, file => Assert.Equal(stamp, File.GetLastWriteTimeUtc(folder.Combine(file))));
    }

    [Fact]
    public void A_reshape_at_the_end_is_copied_into_result()
    {
        var graph = new QuantizedGraphBuilder("reshaped", GraphNames.Input, new TensorShape(2, 2, 1))
            .Quant("q", new Core.Numerics.FixedPointFormat(true, 8, 2))
            .Reshape("flat", new TensorShape(4))
            .Build();
        var files = Render(graph);
        Assert.Contains("  nnet::linear<input_t, result_t, config_result>(input, result);", files["firmware/reshaped.cpp"], StringComparison.Ordinal);
        Assert.Contains("typedef ap_fixed<8,2> result_t;", files["firmware/defines.h"], StringComparison.Ordinal);
    }

    internal static IReadOnlyDictionary<string, string> Render(QuantizedGraph graph, HlsSettings? settings = null)
    {
        var design = HlsDesign.Create(graph, settings ?? new HlsSettings { ProjectName = graph.Name }, default);
        return HlsProjectWriter.Render(design).ToDictionary(pair => pair.Key, pair => System.Text.Encoding.UTF8.GetString(pair.Value), StringComparer.Ordinal);
    }

    private static void AssertLines(string text, params string[] lines)
    {
        var actual = text.Split('\n').ToHashSet(StringComparer.Ordinal);
        Assert.All(lines, line => Assert.Contains(line, actual));
    }
}
