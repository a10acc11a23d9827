using Codesign.Core.Graph;
using Codesign.Hls.Project;
using Codesign.Hls.Simulation;
using Codesign.Qonnx.Execution;
using Xunit.Abstractions;
using Codesign.Core.Spec;

namespace Codesign.Hls.Tests.Simulation;

public sealed class SmallConvSimulationTests(ITestOutputHelper output)
{
    [Fact]
    public void Conv2d_graph_with_a_resource_dense_layer_equals_the_executor_bit_for_bit_on_2000_samples()
    {
        const int samples = 2_000;
        using var folder = new TemporaryFolder("conv");
        var graph = TestGraphs.SmallConv();
        var inputs = TestGraphs.Inputs(samples, 64, new Core.Numerics.FixedPointFormat(true, 10, 4), seed: 5);

        // Resource strategy with a reuse factor that does not divide 128 x 16, so the last weight block is short.
        var settings = new HlsSettings { ProjectName = "small_conv", Strategy = HlsStrategy.Resource, ReuseFactor = 3 };
        var project = HlsProjectWriter.Write(graph, settings, folder.Path);
        var report = CSimulation.Run(project, inputs, samples, new CSimulationOptions { RunTestBench = false });
        output.WriteLine($"compile {report.CompileSeconds} s, predict {report.PredictSeconds} s");

        Assert.Equal(samples, report.Samples);
        Assert.True(report.Identical, $"{report.MismatchedSamples} samples differ; first layer: {(report.FirstDifferingLayers.Count > 0 ? report.FirstDifferingLayers[0] : null)}");

        // The ReLU before the final Quant must not be all zero, or the comparison would prove little.
        var codes = GraphExecutor.RunCodes(graph, inputs, samples);
        Assert.True(codes.Count(c => c != 0) > codes.Length / 4);
        Assert.Contains("static const unsigned strategy = nnet::resource;", File.ReadAllText(Path.Combine(folder.Path, "firmware", "parameters.h")), StringComparison.Ordinal);
        Assert.Equal(new TensorShape(128), graph.Tensor("flatten_out").Shape);
    }
}
