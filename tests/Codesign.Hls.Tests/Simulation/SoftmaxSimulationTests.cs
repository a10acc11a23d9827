using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Hls.Project;
using Codesign.Hls.Simulation;
using Codesign.Qonnx.Execution;
using Xunit.Abstractions;

namespace Codesign.Hls.Tests.Simulation;

public sealed class SoftmaxSimulationTests(ITestOutputHelper output)
{
    /// <summary>
    /// Three table softmaxes in one design, each feeding the next through a dense layer, so one compilation covers and
    /// the output depends on: exact tables (8-bit signed input, every difference its own entry), coarse bins (20-bit
    /// input, 4096 entries, shifted index) and an unsigned input with 64 entries.
    /// </summary>
    private static QuantizedGraph ThreeSoftmaxes(int seed)
    {
        var random = new Random(seed);
        var a = new FixedPointFormat(true, 8, 3);
        var b = new FixedPointFormat(true, 20, 8);
        var c = new FixedPointFormat(false, 8, 2);
        var weight = new FixedPointFormat(true, 6, 2);
        var bias = new FixedPointFormat(true, 8, 3);
        return new QuantizedGraphBuilder("softmaxes", GraphNames.Input, new TensorShape(5))
            .Quant("input_quant", a)
            .Softmax("softmax_exact", SoftmaxTables.Create(a, 5))
            .Quant("probabilities_quant", new FixedPointFormat(true, 12, 2))
            .Dense("fc1", 5, 12, weight, TestGraphs.Codes(random, 60, weight), bias, TestGraphs.Codes(random, 12, bias))
            .Quant("fc1_quant", b)
            .Softmax("softmax_binned", SoftmaxTables.Create(b, 12, 4096))
            .Dense("fc2", 12, 7, weight, TestGraphs.Codes(random, 84, weight), bias, TestGraphs.Codes(random, 7, bias))
            .Quant("fc2_quant", c)
            .Softmax("softmax_unsigned", SoftmaxTables.Create(c, 7, 64))
            .Build();
    }

    [Fact]
    public void Table_softmax_C_simulation_equals_the_executor_bit_for_bit_on_5000_samples_with_ties()
    {
        const int samples = 5_000;
        using var folder = new TemporaryFolder("softmax");
        var graph = ThreeSoftmaxes(seed: 3);
        var inputs = TestGraphs.Inputs(samples, 5, new FixedPointFormat(true, 8, 3), seed: 9);
        var project = HlsProjectWriter.Write(graph, new HlsSettings { ProjectName = "softmaxes" }, folder.Path);
        var report = CSimulation.Run(project, inputs, samples, new CSimulationOptions { RunTestBench = true });
        output.WriteLine($"compile {report.CompileSeconds} s, predict {report.PredictSeconds} s");

        Assert.True(report.Identical, $"{report.MismatchedSamples} samples differ; first layer: {(report.FirstDifferingLayers.Count > 0 ? report.FirstDifferingLayers[0] : null)}");
        Assert.Equal(new TestBenchRun(0, samples, 0), report.TestBench);

        // The comparison must cover ties (equal maxima) and every kind of table read, or it proves little.
        var trace = GraphExecutor.Trace(graph, inputs, samples);
        var logits = trace["input_quant_out"];
        var tiedMaxima = Enumerable.Range(0, samples).Count(row =>
        {
            var x = logits.AsSpan(row * 5, 5).ToArray();
            return x.Count(v => v == x.Max()) > 1;
        });
        Assert.True(tiedMaxima > 100, $"{tiedMaxima} rows with a tied maximum");
        var binned = ((SoftmaxNode)graph.Nodes.Single(n => n.Name == "softmax_binned")).Tables;
        Assert.True(binned.ExpIndexShift > 0);
        Assert.True(trace["softmax_binned_out"].Distinct().Count() > 50);
        var outputs = trace[graph.Output.Name];
        var distinctRows = Enumerable.Range(0, samples).Select(row => string.Join(',', outputs.AsSpan(row * 7, 7).ToArray())).Distinct().Count();
        Assert.True(distinctRows > 100, $"the output must depend on the inputs: {distinctRows} distinct rows");
    }

    [Fact]
    public void A_softmax_whose_index_ignores_the_bin_shift_is_caught_at_that_node()
    {
        const int samples = 1_000;
        using var folder = new TemporaryFolder("softmax_wrong");
        var graph = ThreeSoftmaxes(seed: 5);
        var project = HlsProjectWriter.Write(graph, new HlsSettings { ProjectName = "softmaxes" }, folder.Path);

        // Node 6 is softmax_binned, the one table read through a shifted index; index its table by the raw difference.
        var parameters = Path.Combine(folder.Path, "firmware", "parameters.h");
        var text = File.ReadAllText(parameters);
        var shift = $"static const unsigned exp_index_shift = {((SoftmaxNode)graph.Nodes[5]).Tables.ExpIndexShift};";
        var config = text.IndexOf("struct config6 ", StringComparison.Ordinal);
        var at = text.IndexOf(shift, config, StringComparison.Ordinal);
        File.WriteAllText(parameters, text[..at] + "static const unsigned exp_index_shift = 0;" + text[(at + shift.Length)..]);

        var report = CSimulation.Run(project, TestGraphs.Inputs(samples, 5, new FixedPointFormat(true, 8, 3), seed: 2), samples, new CSimulationOptions { RunTestBench = false });

        Assert.False(report.Identical);
        Assert.All(report.FirstDifferingLayers, layer => Assert.Equal((6, "softmax_binned"), (layer.NodeIndex, layer.Node)));
    }

    [Fact]
    public void The_firmware_carries_the_tables_as_data_and_the_kernel_call()
    {
        using var folder = new TemporaryFolder("softmax_files");
        var graph = ThreeSoftmaxes(seed: 4);
        HlsProjectWriter.Write(graph, new HlsSettings { ProjectName = "softmaxes" }, folder.Path);
        var firmware = Path.Combine(folder.Path, "firmware");
        var top = File.ReadAllText(Path.Combine(firmware, "softmaxes.cpp"));
        var parameters = File.ReadAllText(Path.Combine(firmware, "parameters.h"));
        var defines = File.ReadAllText(Path.Combine(firmware, "defines.h"));

        Assert.Contains("nnet::softmax<input_t, layer2_t, config2>(input, layer2_out, exp_table2, inv_table2);", top, StringComparison.Ordinal);
        Assert.Contains("nnet::softmax<layer8_t, result_t, config9>(layer8_out, result, exp_table9, inv_table9);", top, StringComparison.Ordinal);
        Assert.Contains("#include \"weights/exp_table2.h\"", parameters, StringComparison.Ordinal);
        Assert.Contains("static const unsigned exp_table_size = 256;", parameters, StringComparison.Ordinal);
        Assert.Contains("typedef ap_ufixed<16,1,AP_RND_CONV,AP_SAT> result_t;", defines, StringComparison.Ordinal);
        Assert.Contains("typedef ap_ufixed<8,3> diff2_t;", defines, StringComparison.Ordinal);

        // The exact table's first entries are exp(0), exp(-1/32), ... on 17 fraction bits.
        var table = File.ReadAllText(Path.Combine(firmware, "weights", "exp_table2.h"));
        var expected = new FixedPointFormat(false, 18, 1);
        var first = string.Join(", ", Enumerable.Range(0, 3).Select(d => ExactDecimal.Format(expected.ToCode(Math.Exp(-d / 32.0)), 17)));
        Assert.Contains(first, table, StringComparison.Ordinal);
    }

    [Fact]
    public void A_softmax_of_one_element_compiles_and_always_gives_one()
    {
        const int samples = 200;
        using var folder = new TemporaryFolder("softmax_single");
        var input = new FixedPointFormat(false, 10, 4);
        var graph = new QuantizedGraphBuilder("single", GraphNames.Input, new TensorShape(1))
            .Quant("input_quant", input)
            .Softmax("softmax", SoftmaxTables.Create(input, 1, 64))
            .Build();
        var inputs = TestGraphs.Inputs(samples, 1, input, seed: 1);
        var project = HlsProjectWriter.Write(graph, new HlsSettings { ProjectName = "single" }, folder.Path);

        var report = CSimulation.Run(project, inputs, samples, new CSimulationOptions { RunTestBench = false });

        Assert.True(report.Identical);
        Assert.All(GraphExecutor.RunCodes(graph, inputs, samples), code => Assert.Equal(1L << 15, code));
    }
}
