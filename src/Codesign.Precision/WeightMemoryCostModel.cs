namespace Codesign.Precision;

/// <summary>
/// Bits of weight storage: m·n·b_w. Biases are left out on purpose: they live on the accumulator's grid, whose
/// width a later stage derives from the chosen weight and activation widths, and at m of them per layer they
/// are a small share of m·n weights.
/// </summary>
public sealed class WeightMemoryCostModel : ILayerCostModel
{
    public string Name => "weight_bits";

    public string Unit => "bits";

    public double LayerCost(int layerIndex, LayerDescription layer, int weightBits, int activationBits)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return (double)layer.Weights.Length * weightBits;
    }
}
