using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;

namespace Codesign.Core.Tests.Graph;

/// <summary>A softmax node in the graph IR: what its output is, what the graph refuses, and the model's softmax output.</summary>
public class SoftmaxGraphTests
{
    private static readonly FixedPointFormat Logits = new(true, 8, 3);
    private static readonly SoftmaxTables Tables = SoftmaxTables.Create(Logits, 5, 64);

    private static QuantizedGraph WithTables(SoftmaxTables tables, int elements = 5) =>
        new QuantizedGraphBuilder("g", GraphNames.Input, new TensorShape(elements)).Quant("in_quant", Logits).Softmax("probabilities", tables).Build();

    private static string Refusal(Func<QuantizedGraph> build) => Assert.Throws<InvalidGraphException>(build).Message;

    [Fact]
    public void The_output_has_the_input_shape_and_the_unsigned_16_bit_probability_format()
    {
        var graph = WithTables(Tables);

        Assert.Equal(new TensorShape(5), graph.Output.Shape);
        Assert.Equal("probabilities_out", graph.Output.Name);
        Assert.Equal(new FixedPointFormat(false, 16, 1), graph.Output.Format);
        Assert.Equal("ap_ufixed<16,1>", graph.Output.Format.ToString());
    }

    [Fact]
    public void A_softmax_on_an_image_is_refused_with_the_node_named()
    {
        var message = Refusal(() => new QuantizedGraphBuilder("g", GraphNames.Input, new TensorShape(2, 2, 3))
            .Quant("in_quant", Logits).Softmax("probabilities", Tables).Build());

        Assert.Contains("softmax 'probabilities' takes a vector", message, StringComparison.Ordinal);
        Assert.Contains("[2, 2, 3]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_softmax_on_an_unquantized_tensor_is_refused_with_the_node_named()
    {
        var message = Refusal(() => new QuantizedGraphBuilder("g", GraphNames.Input, new TensorShape(5)).Softmax("probabilities", Tables).Build());

        Assert.Contains("node 'probabilities'", message, StringComparison.Ordinal);
        Assert.Contains("not quantized", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exp_entry_above_entry_0_is_refused_because_the_inverse_index_would_go_negative()
    {
        var codes = (long[])Tables.ExpCodes.Clone();
        codes[7] = codes[0] + 1;

        var message = Refusal(() => WithTables(Tables with { ExpCodes = codes }));

        Assert.Contains("softmax 'probabilities'", message, StringComparison.Ordinal);
        Assert.Contains($"exp table entry 7 ({codes[0] + 1}) exceeds entry 0 ({codes[0]})", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_tables_are_refused_with_the_node_named()
    {
        Assert.Contains("softmax 'probabilities' needs non-empty tables", Refusal(() => WithTables(Tables with { ExpCodes = [] })), StringComparison.Ordinal);
        Assert.Contains("softmax 'probabilities' needs non-empty tables", Refusal(() => WithTables(Tables with { InverseCodes = [] })), StringComparison.Ordinal);
    }

    [Fact]
    public void Signed_table_or_output_formats_are_refused_with_the_node_named()
    {
        var signed = new FixedPointFormat(true, 16, 2);

        Assert.Contains("softmax 'probabilities': its table and output formats must be unsigned", Refusal(() => WithTables(Tables with { OutputFormat = signed })), StringComparison.Ordinal);
        Assert.Contains("must be unsigned", Refusal(() => WithTables(Tables with { ExpFormat = new FixedPointFormat(true, 18, 2) })), StringComparison.Ordinal);
        Assert.Contains("must be unsigned", Refusal(() => WithTables(Tables with { InverseFormat = new FixedPointFormat(true, 18, 2) })), StringComparison.Ordinal);
    }

    [Fact]
    public void Table_codes_outside_their_format_and_bad_index_shifts_are_refused()
    {
        var codes = (long[])Tables.InverseCodes.Clone();
        codes[0] = 1L << 18;

        Assert.Contains("layer 'probabilities': inverse table entry 0 has code 262144", Refusal(() => WithTables(Tables with { InverseCodes = codes })), StringComparison.Ordinal);
        Assert.Contains("index shifts from 0 to 62", Refusal(() => WithTables(Tables with { ExpIndexShift = -1 })), StringComparison.Ordinal);
        Assert.Contains("index shifts from 0 to 62", Refusal(() => WithTables(Tables with { InverseIndexShift = 63 })), StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_wider_than_32_bits_are_refused()
    {
        var message = Refusal(() => new QuantizedGraphBuilder("g", GraphNames.Input, new TensorShape(5))
            .Quant("in_quant", new FixedPointFormat(true, 40, 10)).Softmax("probabilities", Tables).Build());

        Assert.Contains("softmax 'probabilities' reads ap_fixed<40,10>", message, StringComparison.Ordinal);
    }

    private static QuantizedModel ThreeClassModel(string lastName = "dense_2") => new(new FixedPointFormat(true, 8, 3),
    [
        new QuantizedLayer("dense_1", 3, 2, Activation.Relu, new FixedPointFormat(true, 4, 1), [0.5f, -0.25f, 0.875f, -1f, 0.125f, 0.375f], new FixedPointFormat(true, 12, 4), [0.0390625f, -0.5f], new FixedPointFormat(false, 6, 3)),
        new QuantizedLayer(lastName, 2, 3, Activation.None, new FixedPointFormat(true, 5, 1), [0.5625f, -0.9375f, -0.3125f, 0.75f, 0.25f, 0.5f], new FixedPointFormat(true, 12, 5), [0.1875f, -0.0625f, 0f], new FixedPointFormat(true, 10, 5)),
    ]);

    [Fact]
    public void A_model_graph_with_a_softmax_table_size_ends_in_a_softmax_node_writing_the_graph_output()
    {
        var model = ThreeClassModel();
        var logits = QuantizedModelGraph.Build(model, "classifier");
        var graph = QuantizedModelGraph.Build(model, "classifier", 256);

        var softmax = Assert.IsType<SoftmaxNode>(graph.Nodes[^1]);
        Assert.Equal("softmax", softmax.Name);
        Assert.Equal(GraphNames.Output, softmax.Output);
        Assert.Equal(GraphNames.Output, graph.Output.Name);
        Assert.Equal("dense_2_out", softmax.Input);
        Assert.Equal(model.OutputFormat, graph.Tensor(softmax.Input).Format);
        Assert.Equal(new TensorShape(3), graph.Output.Shape);
        Assert.Equal(SoftmaxTables.DefaultOutputFormat, graph.Output.Format);

        // The tables are the ones for the last layer's output format, three inputs and the table size asked for.
        var expected = SoftmaxTables.Create(model.OutputFormat, 3, 256);
        Assert.Equal(expected.ExpCodes, softmax.Tables.ExpCodes);
        Assert.Equal(expected.InverseCodes, softmax.Tables.InverseCodes);
        Assert.Equal((expected.ExpIndexShift, expected.InverseIndexShift), (softmax.Tables.ExpIndexShift, softmax.Tables.InverseIndexShift));

        // Everything before it is the logits graph, except that the last Quant no longer writes the graph output.
        Assert.Equal(logits.Nodes.Count + 1, graph.Nodes.Count);
        Assert.Equal(logits.Nodes.Select(node => node.Name), graph.Nodes.SkipLast(1).Select(node => node.Name));
        Assert.Equal(GraphNames.Output, logits.Nodes[^1].Output);
        Assert.DoesNotContain(logits.Nodes, node => node is SoftmaxNode);
    }

    [Fact]
    public void A_last_layer_named_softmax_cannot_get_a_softmax_output()
    {
        var model = ThreeClassModel(lastName: "softmax");

        Assert.NotNull(QuantizedModelGraph.Build(model, "classifier"));
        Assert.Contains("not named 'softmax'", Assert.Throws<InvalidGraphException>(() => QuantizedModelGraph.Build(model, "classifier", 64)).Message, StringComparison.Ordinal);
    }
}
