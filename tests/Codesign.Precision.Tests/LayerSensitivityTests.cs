using Codesign.Core.Artifacts;

namespace Codesign.Precision.Tests;

public class LayerSensitivityTests
{
    // max|W| = 0.75 needs one integer bit (the sign): ap_fixed<2,1> has LSB 0.5 and codes -2..1 (values -1..0.5),
    // ap_fixed<3,1> has LSB 0.25 and values -1..0.75.
    private static readonly float[] Weights = [0.75f, -0.5f, 0.25f, 0.125f];

    [Fact]
    public void Quantization_error_at_2_bits_matches_the_hand_computation()
    {
        // 0.75 -> 1.5 LSB ties to even 2, saturates at code 1 = 0.5: error 0.25. -0.5 is exact.
        // 0.25 -> 0.5 LSB ties to even 0: error 0.25. 0.125 -> 0.25 LSB rounds to 0: error 0.125.
        Assert.Equal((0.25 * 0.25) + (0.25 * 0.25) + (0.125 * 0.125), LayerSensitivity.QuantizationError(Weights, 2));
    }

    [Fact]
    public void Quantization_error_at_3_bits_matches_the_hand_computation()
    {
        // 0.75, -0.5 and 0.25 are on the grid; 0.125 is half an LSB and ties to even 0.
        Assert.Equal(0.125 * 0.125, LayerSensitivity.QuantizationError(Weights, 3));
    }

    [Fact]
    public void Omega_weighs_the_error_with_the_average_trace()
    {
        var layer = new LayerDescription("d", 2, 2, 8, 6.0, Weights);
        Assert.Equal(6.0 / 8 * 0.015625, LayerSensitivity.Omega(layer, 3));
    }

    [Fact]
    public void A_negative_trace_estimate_counts_as_an_insensitive_layer()
    {
        var layer = new LayerDescription("d", 2, 2, 4, -0.3, Weights);
        Assert.Equal(0.0, LayerSensitivity.Omega(layer, 2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Omega_decreases_with_the_width_for_gaussian_weights(int seed)
    {
        var layer = TestNetworks.Dense("d", 64, 32, 0.9, new Random(seed), 0.125);
        var omegas = Enumerable.Range(2, 9).Select(bits => LayerSensitivity.Omega(layer, bits)).ToArray();
        for (var k = 1; k < omegas.Length; k++)
        {
            Assert.True(omegas[k] < omegas[k - 1], $"Ω({k + 2}) = {omegas[k]} is not below Ω({k + 1}) = {omegas[k - 1]}");
        }

        // A halved LSB quarters the rounding error once saturation no longer dominates.
        Assert.InRange(omegas[^1] / omegas[^2], 0.15, 0.35);
    }

    [Fact]
    public void A_dense_weight_tensor_is_read_as_outputs_by_inputs()
    {
        var tensor = new NamedTensor("dense_1.weight", [3, 2], new float[6]);
        var layer = LayerDescription.FromDenseWeight("dense_1", tensor, 1.5);
        Assert.Equal((2, 3, 6), (layer.Inputs, layer.Outputs, layer.ParameterCount));
    }

    [Fact]
    public void A_layer_whose_weights_do_not_match_its_shape_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new LayerDescription("d", 3, 2, 6, 1.0, new float[5]));
        Assert.Throws<ArgumentException>(() => new LayerDescription("d", 1, 1, 1, 1.0, [float.NaN]));
    }

    [Fact]
    public void A_given_sensitivity_table_is_stored_in_ascending_width_order()
    {
        var table = SensitivityTable.FromValues([8, 2, 4], [[0.1, 3.0, 1.0]]);
        Assert.Equal([2, 4, 8], table.Widths);
        Assert.Equal([3.0, 1.0, 0.1], table.Row(0));
    }
}
