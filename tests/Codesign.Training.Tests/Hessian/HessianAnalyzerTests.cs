using Codesign.Training.Hessian;
using TorchSharp;

namespace Codesign.Training.Tests.Hessian;

public class HessianAnalyzerTests
{
    [Fact]
    public void Every_dense_layer_reports_its_weight_block()
    {
        using var network = HessianFixtures.Network();

        var report = HessianAnalyzer.Analyze(network, HessianFixtures.Rows(), HessianFixtures.Options());

        Assert.Equal(["dense_1", "dense_2"], report.Layers.Select(layer => layer.Layer));
        // 4x3 and 3x4 weights; the biases are not part of the block.
        Assert.Equal([12, 12], report.Layers.Select(layer => layer.ParameterCount));
        Assert.Equal(40, report.Samples);
        Assert.Equal(2, report.Batches);
        Assert.Equal(7UL, report.Seed);
        Assert.All(report.Layers, layer =>
        {
            Assert.Equal(layer.Trace / 12, layer.AverageTrace);
            Assert.True(layer.Trace > 0);
            Assert.True(layer.TraceStandardError > 0);
            Assert.InRange(layer.TraceProbes, 10, 200);
            Assert.True(layer.TopEigenvalue > 0);
            Assert.InRange(layer.EigenIterations, 1, 100);
        });
    }

    [Fact]
    public void Same_seed_gives_a_bit_identical_report()
    {
        using var network = HessianFixtures.Network();
        var rows = HessianFixtures.Rows();

        var first = HessianAnalyzer.Analyze(network, rows, HessianFixtures.Options(seed: 5));
        var second = HessianAnalyzer.Analyze(network, rows, HessianFixtures.Options(seed: 5));

        Assert.Equal(first.Layers.Select(Bits), second.Layers.Select(Bits));
    }

    [Fact]
    public void Another_seed_draws_other_probes()
    {
        using var network = HessianFixtures.Network();
        var rows = HessianFixtures.Rows();
        var fixedProbes = HessianFixtures.Options() with { TraceTolerance = 0, MaxProbes = 10 };

        var first = HessianAnalyzer.Analyze(network, rows, fixedProbes with { Seed = 5 });
        var second = HessianAnalyzer.Analyze(network, rows, fixedProbes with { Seed = 6 });

        Assert.All(first.Layers.Zip(second.Layers), pair => Assert.NotEqual(pair.First.Trace, pair.Second.Trace));
    }

    [Fact]
    public void Batch_norm_runs_on_its_running_statistics_and_the_network_is_left_as_it_was()
    {
        using var network = HessianFixtures.Network(batchNorm: true);
        network.train();
        var before = HessianFixtures.State(network);

        var report = HessianAnalyzer.Analyze(network, HessianFixtures.Rows(), HessianFixtures.Options());

        Assert.True(network.training);
        Assert.Equal(before, HessianFixtures.State(network));
        Assert.All(report.Layers, layer => Assert.True(double.IsFinite(layer.Trace) && double.IsFinite(layer.TopEigenvalue)));
        Assert.All(network.parameters(), parameter => Assert.True(parameter.grad is null));
    }

    [Fact]
    public void No_tensor_outlives_the_analysis()
    {
        using var network = HessianFixtures.Network();
        var rows = HessianFixtures.Rows();
        HessianAnalyzer.Analyze(network, rows, HessianFixtures.Options());
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        HessianAnalyzer.Analyze(network, rows, HessianFixtures.Options() with { TraceTolerance = 0, MaxProbes = 300 });

        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Invalid_options_and_mismatched_rows_are_rejected()
    {
        using var network = HessianFixtures.Network();
        var rows = HessianFixtures.Rows();

        Assert.Throws<ArgumentOutOfRangeException>(() => HessianAnalyzer.Analyze(network, rows, HessianFixtures.Options() with { MinProbes = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HessianAnalyzer.Analyze(network, rows, HessianFixtures.Options() with { MaxProbes = 5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HessianAnalyzer.Analyze(network, rows, HessianFixtures.Options() with { TraceTolerance = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => HessianAnalyzer.Analyze(network, rows, HessianFixtures.Options() with { BatchSize = 0 }));
        Assert.Throws<ArgumentException>(() => HessianAnalyzer.Analyze(network, new Codesign.Data.DatasetSplit([1f, 2f], [0], 2), HessianFixtures.Options()));
    }

    private static string Bits(LayerHessian layer) => string.Join(' ',
        layer.Layer, layer.ParameterCount, BitConverter.DoubleToInt64Bits(layer.Trace), BitConverter.DoubleToInt64Bits(layer.TraceStandardError),
        layer.TraceProbes, layer.TraceConverged, BitConverter.DoubleToInt64Bits(layer.TopEigenvalue), layer.EigenIterations, layer.EigenConverged);
}
