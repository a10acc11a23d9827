using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Qonnx.Execution;
using Codesign.Qonnx.Tests.Reading;

namespace Codesign.Qonnx.Tests;

/// <summary>The executor's int32 fast path must give the 64-bit reference path's codes bit for bit, or not run at all.</summary>
public class Int32ChainExecutorTests
{
    [Fact]
    public void Fast_path_equals_the_reference_path_on_random_mlps()
    {
        var random = new Random(2024);
        for (var trial = 0; trial < 300; trial++)
        {
            var graph = RandomMlp(random, wide: false, trial);
            Assert.NotNull(Int32ChainExecutor.TryCreate(graph));
            AssertSameCodes(graph, random);
        }
    }

    [Fact]
    public void Graphs_with_accumulators_wider_than_31_bits_run_on_the_long_reference_path()
    {
        var random = new Random(77);
        for (var trial = 0; trial < 60; trial++)
        {
            var graph = RandomMlp(random, wide: true, trial);
            Assert.Null(Int32ChainExecutor.TryCreate(graph));
            AssertSameCodes(graph, random);
        }
    }

    [Fact]
    public void Convolutions_run_on_the_reference_path()
    {
        Assert.Null(Int32ChainExecutor.TryCreate(ReadingTestGraphs.Cnn()));
    }

    [Fact]
    public void A_NaN_input_is_refused_as_on_the_reference_path()
    {
        var graph = ReadingTestGraphs.Mlp();
        Assert.NotNull(Int32ChainExecutor.TryCreate(graph));
        float[] inputs = [0.5f, float.NaN, 1f];
        Assert.Throws<ArgumentException>(() => GraphExecutor.RunReferenceCodes(graph, inputs, 1));
        Assert.Throws<ArgumentException>(() => GraphExecutor.RunCodes(graph, inputs, 1));
    }

    private static void AssertSameCodes(QuantizedGraph graph, Random random)
    {
        var rows = random.Next(0, 200); // crosses the 64-row blocks, and covers an empty batch
        var inputs = ReadingTestGraphs.Inputs(random, rows * graph.Input.Shape.Size, ((QuantNode)graph.Nodes[0]).Format);
        Assert.Equal(GraphExecutor.RunReferenceCodes(graph, inputs, rows), GraphExecutor.RunCodes(graph, inputs, rows));
    }

    /// <summary>
    /// 1 to 4 dense layers of 1 to 70 units (vector widths and their tails), random ReLUs and output formats, biases
    /// on grids finer and coarser than the product grid, sparse and saturated weights. Wide graphs give one layer
    /// 20-bit inputs and 14-bit weights, so its accumulator needs more than 31 bits.
    /// </summary>
    private static QuantizedGraph RandomMlp(Random random, bool wide, int trial)
    {
        var inputs = random.Next(1, 20);
        var format = new FixedPointFormat(true, random.Next(2, 17), random.Next(-2, 7));
        var builder = new QuantizedGraphBuilder($"mlp_{trial}", GraphNames.Input, new TensorShape(inputs)).Quant("in_quant", format, "in_q");
        var layers = random.Next(1, 5);
        var wideLayer = wide ? random.Next(layers) : -1;
        for (var layer = 0; layer < layers; layer++)
        {
            var isWide = layer == wideLayer;
            if (isWide)
            {
                format = new FixedPointFormat(true, 20, random.Next(0, 8));
                builder.Quant($"widen_{layer}", format, $"wide_{layer}");
            }

            var units = random.Next(1, 71);
            var weightFormat = new FixedPointFormat(true, isWide ? 14 : random.Next(2, 9), random.Next(-1, 3));
            var productFraction = format.FractionalBits + weightFormat.FractionalBits;
            var biasFraction = productFraction + random.Next(-3, 4);
            var biasBits = random.Next(2, 16);
            var biasFormat = new FixedPointFormat(true, biasBits, biasBits - biasFraction);
            var weights = Codes(random, weightFormat, inputs * units);
            if (isWide)
            {
                weights[0] = weightFormat.MinCode; // -2^19 x -2^13 alone needs 34 bits
            }

            builder.Dense($"dense_{layer}", inputs, units, weightFormat, weights, biasFormat, Codes(random, biasFormat, units), $"acc_{layer}");
            var relu = random.Next(3) > 0;
            if (relu)
            {
                builder.Relu($"relu_{layer}", $"relu_{layer}_out");
            }

            var bits = random.Next(2, 17);
            format = relu && random.Next(3) > 0
                ? new FixedPointFormat(false, bits, random.Next(-1, 8))
                : new FixedPointFormat(true, bits, random.Next(-1, 8));
            builder.Quant($"quant_{layer}", format, layer == layers - 1 ? GraphNames.Output : $"out_{layer}");
            inputs = units;
        }

        return builder.Build();
    }

    private static long[] Codes(Random random, FixedPointFormat format, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => random.Next(5) switch
        {
            0 => 0,
            1 => random.Next(2) == 0 ? format.MinCode : format.MaxCode,
            _ => random.NextInt64(format.MinCode, format.MaxCode + 1),
        })];
}
