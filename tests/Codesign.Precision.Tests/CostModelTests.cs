namespace Codesign.Precision.Tests;

public class CostModelTests
{
    private static readonly IReadOnlyList<LayerDescription> Jet = TestNetworks.JetTagger();

    [Fact]
    public void Bops_of_dense_1_at_4_bit_weights_and_16_bit_input_is_the_authors_90112()
    {
        var rule = ActivationWidthRule.Default;
        Assert.Equal(90_112.0, new BopsCostModel().LayerCost(0, Jet[0], 4, rule.IncomingBits(0, 0)));
    }

    [Fact]
    public void Bops_of_a_hidden_layer_use_the_previous_weights_plus_3()
    {
        // dense_2 (64 -> 32) at 5-bit weights after 4-bit dense_1 weights: 7-bit input, 32·64·(35 + 7 + 5 + 6).
        var incoming = ActivationWidthRule.Default.IncomingBits(1, 4);
        Assert.Equal(7, incoming);
        Assert.Equal(108_544.0, new BopsCostModel().LayerCost(1, Jet[1], 5, incoming));
    }

    [Fact]
    public void Bops_keep_the_fractional_adder_tree_term_for_fan_ins_that_are_not_powers_of_two()
    {
        var layer = new LayerDescription("odd", 3, 2, 6, 1.0, new float[6]);
        Assert.Equal(6 * (4 + 2 + 2 + Math.Log2(3)), new BopsCostModel().LayerCost(0, layer, 2, 2), 12);
    }

    [Fact]
    public void Bops_of_a_convolution_count_every_output_pixel()
    {
        // The ECON-T encoder's conv: 8 filters of 3x3x1 over a 4x4 output, 6-bit weights after the 16-bit input.
        // Per output value n = 9 MACs; 16 pixels x 8 channels x 9 x (16*6 + 16 + 6 + log2 9).
        var conv = LayerDescription.FromConvWeight("conv", new Core.Artifacts.NamedTensor("conv.weight", [8, 1, 3, 3], new float[72]), 16, 5.3);
        Assert.Equal((9, 8, 72), (conv.Inputs, conv.Outputs, conv.ParameterCount));
        Assert.Equal(16 * 8 * 9 * (96 + 16 + 6 + Math.Log2(9)), new BopsCostModel().LayerCost(0, conv, 6, 16), 9);

        // Weight memory does not depend on how often the weights are applied.
        Assert.Equal(72 * 6.0, new WeightMemoryCostModel().LayerCost(0, conv, 6, 16));
    }

    [Fact]
    public void Weight_memory_counts_weight_bits_only()
    {
        var model = new WeightMemoryCostModel();
        Assert.Equal(64 * 16 * 6.0, model.LayerCost(0, Jet[0], 6, 16));
        Assert.Equal(model.LayerCost(1, Jet[1], 6, 3), model.LayerCost(1, Jet[1], 6, 11));
    }

    [Fact]
    public void Tables_look_costs_up_by_weight_width_or_by_both_widths()
    {
        var byWeight = new TableCostModel("luts", "LUTs", [new Dictionary<int, double> { [4] = 120, [8] = 410 }]);
        Assert.Equal(410.0, byWeight.LayerCost(0, Jet[0], 8, 16));

        var byBoth = TableCostModel.ByWeightAndActivationBits("latency", "cycles", [new Dictionary<(int, int), double> { [(4, 16)] = 3, [(4, 7)] = 2 }]);
        Assert.Equal(2.0, byBoth.LayerCost(0, Jet[0], 4, 7));

        var missing = Assert.Throws<ArgumentException>(() => byWeight.LayerCost(0, Jet[0], 5, 16));
        Assert.Contains("no entry for layer 'dense_1' at 5-bit weights", missing.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => byWeight.LayerCost(1, Jet[1], 4, 16));
    }

    [Fact]
    public void Bops_couple_neighbouring_layers_only_when_activations_follow_the_weights()
    {
        var widths = WeightWidths.Default;
        var coupled = CostTable.Build(new BopsCostModel(), Jet, widths, ActivationWidthRule.Default);
        Assert.Equal([false, true, true, true], Enumerable.Range(0, 4).Select(coupled.IsPairwise));

        var fixedActivations = CostTable.Build(new BopsCostModel(), Jet, widths, ActivationWidthRule.Fixed(8));
        Assert.All(Enumerable.Range(0, 4), i => Assert.False(fixedActivations.IsPairwise(i)));

        var memory = CostTable.Build(new WeightMemoryCostModel(), Jet, widths, ActivationWidthRule.Default);
        Assert.All(Enumerable.Range(0, 4), i => Assert.False(memory.IsPairwise(i)));
    }

    [Fact]
    public void The_cheapest_configuration_is_found_by_dynamic_programming()
    {
        var table = CostTable.Build(new BopsCostModel(), Jet, WeightWidths.Default, ActivationWidthRule.Default);
        var (cost, choices) = table.Cheapest();

        // All 2-bit: 1024·54 + 2048·23 + 1024·22 + 160·22.
        Assert.Equal(128_448.0, cost);
        Assert.Equal([0, 0, 0, 0], choices);
        Assert.Equal(cost, table.Total(choices));
    }
}
