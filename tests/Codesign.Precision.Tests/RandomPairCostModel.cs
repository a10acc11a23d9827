namespace Codesign.Precision.Tests;

/// <summary>
/// An arbitrary cost of both widths, neither monotone nor separable: what a synthesis estimate might look like
/// at its worst. Values are a fixed function of (seed, layer, widths), so the model is deterministic. A large
/// offset makes the totals' floating-point rounding larger than the differences between configurations.
/// </summary>
internal sealed class RandomPairCostModel(int seed, bool integral, double offset = 0) : ILayerCostModel
{
    public string Name => "random";

    public string Unit => "units";

    public double LayerCost(int layerIndex, LayerDescription layer, int weightBits, int activationBits)
    {
        // Not HashCode.Combine: it is seeded per process, and a test must see the same costs on every run.
        var key = unchecked((((((seed * 31) + layerIndex) * 131) + weightBits) * 257) + activationBits);
        var random = new Random(key & int.MaxValue);
        var value = random.NextDouble() * 1000.0;
        return offset + (integral ? Math.Floor(value) : value);
    }
}
