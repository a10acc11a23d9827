using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Core.Spec;
using Codesign.Synthesis.Estimation;

namespace Codesign.Synthesis.Tests.Estimation;

public class ResourceEstimatorTests
{
    private static readonly FixedPointFormat Input = new(true, 8, 3);
    private static readonly FixedPointFormat Weight = new(true, 6, 1);
    private static readonly FixedPointFormat Activation = new(false, 8, 4);

    private static QuantizedGraph Mlp(long[] weights, int inputs = 4, int units = 3) =>
        new QuantizedGraphBuilder("mlp", GraphNames.Input, new TensorShape(inputs))
            .Quant("in_quant", Input)
            .Dense("dense", inputs, units, Weight, weights, new FixedPointFormat(true, 16, 6), new long[units])
            .Relu("relu")
            .Quant("out", Activation)
            .Build();

    private static EstimatorSettings Settings(double clock = 5, HlsStrategy strategy = HlsStrategy.Latency, int reuse = 1) =>
        new("mlp", "xcvu13p-flga2577-2-e", clock, strategy, _ => reuse);

    private static long[] Random(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (long)random.Next(-32, 32)).ToArray();
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(-8, 1)]
    [InlineData(3, 2)]   // 4 - 1
    [InlineData(7, 2)]   // 8 - 1
    [InlineData(11, 3)]  // 16 - 4 - 1
    [InlineData(-21, 3)] // 16 + 4 + 1
    [InlineData(15, 2)]
    public void Canonical_signed_digits_are_minimal(long constant, int digits)
    {
        Assert.Equal(digits, ConstantMultiplier.CanonicalSignedDigits(constant));
    }

    [Fact]
    public void Zero_and_power_of_two_weights_need_no_multiplier_logic()
    {
        var estimate = ResourceEstimator.Estimate(Mlp([0, 1, 2, -4, 8, 0, -16, 1, 0, 0, 2, 4]), Settings());

        var dense = estimate.Layers.Single(row => row.Operation == "dense");
        Assert.Equal(0, dense.Multipliers);
        Assert.Equal(0, dense.Dsp);

        // Input-major weights: the outputs get 2, 4 and 2 nonzero terms; only their adder trees cost LUTs.
        var accumulatorBits = Mlp([0, 1, 2, -4, 8, 0, -16, 1, 0, 0, 2, 4]).Tensor("dense_out").Format!.Value.TotalBits;
        Assert.Equal(1 + 3 + 1, dense.Adders);
        Assert.Equal(5 * accumulatorBits, dense.Lut);
    }

    [Fact]
    public void The_report_is_labelled_an_estimate_with_cycles_times_the_target_clock()
    {
        var report = ResourceEstimator.Estimate(Mlp(Random(12, 1)), Settings()).Report;

        Assert.Equal(SynthesisReportSource.Estimate, report.Source);
        Assert.Equal(LatencyTimeBasis.CyclesTimesTargetClock, report.Latency.NsBasis);
        Assert.Equal(report.Latency.BestCycles * 5.0, report.Latency.BestNs);
        Assert.Equal(1, report.Latency.IntervalMin);
        Assert.Null(report.Clock.EstimatedNs);
        Assert.True(report.Resources.Lut > 0);
        Assert.Contains("estimate", SynthesisReportFile.ToJson(report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_faster_clock_needs_more_cycles()
    {
        var graph = Mlp(Random(64 * 32, 2), 64, 32);

        var slow = ResourceEstimator.Estimate(graph, Settings(clock: 10)).Report.Latency.BestCycles;
        var fast = ResourceEstimator.Estimate(graph, Settings(clock: 2)).Report.Latency.BestCycles;

        Assert.True(fast > slow, $"{fast} cycles at 2 ns, {slow} at 10 ns");
    }

    [Fact]
    public void Reuse_shares_multipliers_and_sets_the_interval()
    {
        var graph = Mlp(Random(64 * 32, 3), 64, 32);

        var once = ResourceEstimator.Estimate(graph, Settings(strategy: HlsStrategy.Resource, reuse: 1));
        var four = ResourceEstimator.Estimate(graph, Settings(strategy: HlsStrategy.Resource, reuse: 4));

        Assert.Equal(4, four.Report.Latency.IntervalMax);
        Assert.Equal(64 * 32 / 4, four.Layers.Single(row => row.Operation == "dense").Multipliers);
        Assert.True(four.Report.Resources.Lut < once.Report.Resources.Lut);
        Assert.True(four.Report.Latency.BestCycles > once.Report.Latency.BestCycles);
    }

    [Fact]
    public void Weights_with_more_significant_digits_cost_more()
    {
        var weights = Random(16 * 8, 4);
        var narrow = ResourceEstimator.Estimate(Mlp(weights.Select(w => w / 8).ToArray(), 16, 8), Settings()).Report.Resources.Lut;
        var wide = ResourceEstimator.Estimate(Mlp(weights, 16, 8), Settings()).Report.Resources.Lut;

        Assert.True(wide > narrow, $"{wide} vs {narrow}");
    }

    [Fact]
    public void Convolution_taps_in_the_padding_cost_nothing()
    {
        var geometry = new Conv2dGeometry(3, 3, 1, 1, 1, 1, 1, 1, 1, 1);
        var graph = new QuantizedGraphBuilder("conv", "in", new TensorShape(2, 2, 1))
            .Quant("q", Input)
            .Conv2d("conv", geometry, Weight, [3, 3, 3, 3, 3, 3, 3, 3, 3], new FixedPointFormat(true, 16, 6), [0])
            .Build();

        // A 2x2 image with 'same' padding: every output pixel sees exactly 4 real pixels.
        var conv = ResourceEstimator.Estimate(graph, Settings()).Layers.Single(row => row.Operation == "conv2d");
        Assert.Equal(4 * 4, conv.Multipliers);
        Assert.Equal(4 * 3, conv.Adders);
    }

    [Fact]
    public void Cycles_and_registers_land_on_the_layer_rows_that_open_a_pipeline_segment()
    {
        // Input port → conv (segment 1) → ReLU, cast → reshape → dense (segment 2) → cast. The input and reshape rows
        // have no logic, so they must not shift the segments' cycles onto their neighbours.
        var geometry = new Conv2dGeometry(3, 3, 1, 2, 1, 1, 1, 1, 1, 1);
        var graph = new QuantizedGraphBuilder("cnn", "in", new TensorShape(4, 4, 1))
            .Quant("q", Input)
            .Conv2d("conv", geometry, Weight, Random(18, 3), new FixedPointFormat(true, 16, 6), [0, 0])
            .Relu("conv_relu")
            .Quant("conv_cast", Activation)
            .Reshape("flatten", new TensorShape(32))
            .Dense("dense", 32, 3, Weight, Random(96, 4), new FixedPointFormat(true, 16, 6), new long[3])
            .Quant("dense_cast", Activation)
            .Build();

        var estimate = ResourceEstimator.Estimate(graph, Settings());
        var rows = estimate.Layers.ToDictionary(row => row.Name);

        Assert.All(new[] { rows["conv"], rows["dense"] }, row => Assert.True(row.LatencyCycles >= 1 && row.Ff > 0, $"{row.Name}: {row.LatencyCycles} cycles, {row.Ff} FFs"));
        Assert.All(new[] { rows["q"], rows["conv_relu"], rows["conv_cast"], rows["flatten"], rows["dense_cast"] }, row => Assert.Equal((0, 0L), (row.LatencyCycles, row.Ff)));
        Assert.Equal(rows["conv"].LatencyCycles + rows["dense"].LatencyCycles, estimate.Report.Latency.BestCycles);
    }
}
