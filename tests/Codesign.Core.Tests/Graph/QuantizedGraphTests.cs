using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Core.Tests.Graph;

public class QuantizedGraphTests
{
    private static readonly FixedPointFormat Input = new(true, 8, 3);
    private static readonly FixedPointFormat Weight = new(true, 4, 1);

    private static QuantizedGraphBuilder Start(int features = 3) =>
        new QuantizedGraphBuilder("g", GraphNames.Input, new TensorShape(features)).Quant("in_quant", Input);

    [Fact]
    public void Shapes_and_formats_follow_from_the_nodes()
    {
        var graph = Start()
            .Dense("dense", 3, 2, Weight, [1, -2, 3, 4, -5, 6], new FixedPointFormat(true, 10, 2), [7, -8])
            .Relu("relu")
            .Quant("out", new FixedPointFormat(false, 6, 3))
            .Build();

        Assert.Null(graph.Input.Format);
        Assert.Equal(new TensorShape(2), graph.Tensor("dense_out").Shape);
        Assert.Equal(graph.Tensor("dense_out").Format, graph.Tensor("relu_out").Format);
        Assert.Equal(new FixedPointFormat(false, 6, 3), graph.Output.Format);
        Assert.Equal("out_out", graph.Output.Name);
    }

    [Fact]
    public void The_accumulator_holds_the_extreme_sums_of_the_actual_weights_and_no_more()
    {
        long[] weights = [1, -2, 3, 4, -5, 6];
        var graph = Start().Dense("dense", 3, 2, Weight, weights, new FixedPointFormat(true, 10, 2), [7, -8]).Build();
        var accumulator = graph.Tensor("dense_out").Format!.Value;

        // Input codes lie in [-128, 127]; weights are input-major, so unit 0 has 1, 3, -5 and unit 1 has -2, 4, 6.
        // Unit 0: low = 7 - 128*(1+3) - 127*5 = -1140, high = 7 + 127*(1+3) + 128*5 = 1155.
        // Unit 1: low = -8 - 128*(4+6) - 127*2 = -1542, high = -8 + 127*(4+6) + 128*2 = 1518. 12 signed bits hold [-2048, 2047].
        Assert.Equal(12, accumulator.TotalBits);
        Assert.True(accumulator.IsSigned);
        Assert.Equal(Input.FractionalBits + Weight.FractionalBits, accumulator.FractionalBits);
        Assert.True(accumulator.MinCode <= -1542 && accumulator.MaxCode >= 1518);
        Assert.True((accumulator.MinCode / 2) > -1542 || (accumulator.MaxCode / 2) < 1518, "one bit fewer would not hold the extremes");
    }

    [Fact]
    public void A_bias_finer_than_the_product_grid_moves_the_accumulator_to_the_bias_grid()
    {
        var bias = new FixedPointFormat(true, 16, 2); // 14 fractional bits, products have 5 + 3 = 8
        var graph = Start().Dense("dense", 3, 1, Weight, [1, 1, 1], bias, [3]).Build();

        Assert.Equal(14, graph.Tensor("dense_out").Format!.Value.FractionalBits);
        var (weights, biases) = AccumulatorFormat.OnAccumulatorGrid(Input, Weight, [1, 1, 1], bias, [3]);
        Assert.Equal([64L, 64, 64], weights);
        Assert.Equal([3L], biases);
    }

    [Fact]
    public void Conv2d_output_shape_follows_stride_and_padding_channels_last()
    {
        var geometry = new Conv2dGeometry(3, 3, 1, 8, 2, 2, 1, 1, 1, 1);
        var graph = new QuantizedGraphBuilder("g", "in", new TensorShape(8, 8, 1))
            .Quant("q", Input)
            .Conv2d("conv", geometry, Weight, new long[geometry.WeightCount], new FixedPointFormat(true, 12, 4), new long[8])
            .Reshape("flatten", new TensorShape(128))
            .Build();

        Assert.Equal(new TensorShape(4, 4, 8), graph.Tensor("conv_out").Shape);
        Assert.Equal(new TensorShape(128), graph.Output.Shape);
    }

    [Fact]
    public void Broken_graphs_are_rejected_with_the_node_named()
    {
        Assert.Contains("not quantized", Assert.Throws<InvalidGraphException>(() =>
            new QuantizedGraphBuilder("g", "in", new TensorShape(3)).Dense("d", 3, 1, Weight, [1, 1, 1], Weight, [0]).Build()).Message, StringComparison.Ordinal);
        Assert.Contains("takes 4 inputs", Assert.Throws<InvalidGraphException>(() =>
            Start().Dense("d", 4, 1, Weight, [1, 1, 1, 1], Weight, [0]).Build()).Message, StringComparison.Ordinal);
        Assert.Contains("weight 1 has code 9", Assert.Throws<InvalidGraphException>(() =>
            Start().Dense("d", 3, 1, Weight, [1, 9, 1], Weight, [0]).Build()).Message, StringComparison.Ordinal);
        Assert.Contains("turns [3]", Assert.Throws<InvalidGraphException>(() =>
            Start().Reshape("r", new TensorShape(2, 2)).Build()).Message, StringComparison.Ordinal);
        Assert.Contains("two nodes are named 'x'", Assert.Throws<InvalidGraphException>(() =>
            Start().Relu("x").Relu("x", "other").Build()).Message, StringComparison.Ordinal);
        Assert.Contains("no earlier node writes", Assert.Throws<InvalidGraphException>(() =>
            new QuantizedGraph("g", new GraphTensor("in", new TensorShape(3), null), [new ReluNode("r", "missing", "out")], "out")).Message, StringComparison.Ordinal);
        Assert.Contains("is not quantized", Assert.Throws<InvalidGraphException>(() =>
            new QuantizedGraph("g", new GraphTensor("in", new TensorShape(3), null), [], "in")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_accumulator_beyond_62_bits_is_rejected()
    {
        var wide = new FixedPointFormat(true, 40, 10);
        var huge = new FixedPointFormat(true, 40, 10);
        var exception = Assert.Throws<InvalidGraphException>(() =>
            new QuantizedGraphBuilder("g", "in", new TensorShape(2)).Quant("q", wide)
                .Dense("d", 2, 1, huge, [huge.MaxCode, huge.MaxCode], new FixedPointFormat(true, 40, -20), [0]).Build());
        Assert.Contains("more than 62 bits", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dense_1", "dense_1")]
    [InlineData("1st layer", "layer_1st_layer")]
    [InlineData("a\"; rm -rf /", "a___rm__rf__")]
    [InlineData("[exec ls]", "_exec_ls_")]
    public void Identifiers_keep_letters_digits_and_underscores_only(string text, string identifier)
    {
        Assert.Equal(identifier, GraphNames.Identifier(text));
        Assert.True(GraphNames.IsIdentifier(identifier));
    }
}
