using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Core.Spec;
using Codesign.Synthesis.Estimation;

namespace Codesign.Synthesis.Tests.Estimation;

/// <summary>The estimate of a firmware that ends in a table softmax.</summary>
public class SoftmaxEstimateTests
{
    private static readonly FixedPointFormat Input = new(true, 8, 3);
    private static readonly FixedPointFormat Weight = new(true, 6, 1);
    private static readonly int[] TableSizes = [64, 256, 1024, 4096, 16384];
    private static readonly int[] ClassCounts = [2, 5, 10, 16];

    /// <summary>4 inputs → dense to <paramref name="classes"/> logits of <paramref name="logits"/> → softmax when a table size is given.</summary>
    private static QuantizedGraph Classifier(int classes, int? tableSize, FixedPointFormat? logits = null)
    {
        var format = logits ?? new FixedPointFormat(true, 16, 6);
        var random = new Random(classes);
        var builder = new QuantizedGraphBuilder("classifier", GraphNames.Input, new TensorShape(4))
            .Quant("in_quant", Input)
            .Dense("dense", 4, classes, Weight, [.. Enumerable.Range(0, 4 * classes).Select(_ => (long)random.Next(-32, 32))], new FixedPointFormat(true, 16, 6), new long[classes])
            .Quant("logits", format);
        return tableSize is { } size ? builder.Softmax("softmax", SoftmaxTables.Create(format, classes, size)).Build() : builder.Build();
    }

    private static ResourceEstimate Estimate(QuantizedGraph graph, EstimatorCosts? costs = null) =>
        ResourceEstimator.Estimate(graph, new EstimatorSettings("classifier", "xcvu13p-flga2577-2-e", 5, HlsStrategy.Latency, _ => 1), costs);

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(16)]
    public void The_softmax_gets_its_own_row_with_one_18x18_dsp_product_per_class(int classes)
    {
        var row = Estimate(Classifier(classes, 1024)).Layers[^1];

        Assert.Equal(("softmax", "softmax"), (row.Name, row.Operation));
        Assert.True(row.Lut > 0, $"{row.Lut} LUTs");
        Assert.Equal(classes, row.Dsp);
        Assert.Equal(classes, row.Multipliers);
        Assert.Equal(classes, row.Adders); // n − 1 for the sum and one subtracting ExpCodes[0] for the inverse index
        Assert.True(row.LatencyCycles >= 1, $"{row.LatencyCycles} cycles");
        Assert.Equal(1, row.IntervalCycles);
        Assert.True(row.Ff > 0, $"{row.Ff} registers");
    }

    [Fact]
    public void With_narrow_table_products_the_multipliers_are_luts_instead_of_dsps()
    {
        var costs = EstimatorCosts.UltraScalePlus with { DspThresholdBits = 18 };

        var inLuts = Estimate(Classifier(5, 1024), costs).Layers[^1];
        var inDsps = Estimate(Classifier(5, 1024)).Layers[^1];

        Assert.Equal(0, inLuts.Dsp);
        Assert.True(inLuts.Lut > inDsps.Lut + (5 * 18 * 18 / 2), $"{inLuts.Lut} LUTs with LUT multipliers, {inDsps.Lut} with DSPs");
    }

    [Fact]
    public void The_totals_grow_by_the_softmax()
    {
        var logits = Estimate(Classifier(5, null));
        var probabilities = Estimate(Classifier(5, 1024));
        var softmax = probabilities.Layers[^1];

        Assert.DoesNotContain(logits.Layers, row => row.Operation == "softmax");
        Assert.Equal(logits.Layers.Select(row => row.Name), probabilities.Layers.SkipLast(1).Select(row => row.Name));
        Assert.Equal(logits.Report.Resources.Lut + softmax.Lut, probabilities.Report.Resources.Lut);
        Assert.Equal(logits.Report.Resources.Dsp + 5, probabilities.Report.Resources.Dsp);
        Assert.True(probabilities.Report.Resources.Ff > logits.Report.Resources.Ff);
        Assert.True(probabilities.Report.Latency.BestCycles >= logits.Report.Latency.BestCycles + softmax.LatencyCycles, "the softmax adds its own cycles");
        Assert.Equal(probabilities.Layers.Sum(row => (long)row.LatencyCycles), probabilities.Report.Latency.BestCycles);
    }

    [Fact]
    public void Larger_tables_cost_more_luts()
    {
        // 20-bit logits need binned tables at every size, so each doubling really doubles the entries.
        var wide = new FixedPointFormat(true, 20, 8);
        var luts = TableSizes.Select(size => Estimate(Classifier(5, size, wide)).Layers[^1].Lut).ToArray();

        for (var k = 1; k < luts.Length; k++)
        {
            Assert.True(luts[k] > luts[k - 1], $"table sizes in order cost {string.Join(", ", luts)} LUTs");
        }
    }

    [Fact]
    public void The_cost_follows_the_tables_not_the_requested_size()
    {
        // 8-bit logits fill 256 exp entries whatever the size; only the inverse table still grows.
        var narrow = new FixedPointFormat(true, 8, 3);
        var small = Classifier(5, 256, narrow);
        var large = Classifier(5, 4096, narrow);

        Assert.Equal(((SoftmaxNode)small.Nodes[^1]).Tables.ExpCodes.Length, ((SoftmaxNode)large.Nodes[^1]).Tables.ExpCodes.Length);
        Assert.True(Estimate(large).Layers[^1].Lut > Estimate(small).Layers[^1].Lut);
        Assert.True(Estimate(large).Layers[^1].Lut < Estimate(Classifier(5, 4096)).Layers[^1].Lut, "the 16-bit logits' binned 4096-entry exp table costs more");
    }

    [Fact]
    public void More_classes_cost_more_luts()
    {
        var luts = ClassCounts.Select(classes => Estimate(Classifier(classes, 1024)).Layers[^1].Lut).ToArray();

        for (var k = 1; k < luts.Length; k++)
        {
            Assert.True(luts[k] > luts[k - 1], $"class counts in order cost {string.Join(", ", luts)} LUTs");
        }
    }
}
