namespace Codesign.Precision;

/// <summary>
/// A cost that adds up over layers (BOPs, weight memory, LUTs, latency cycles): what one layer costs at a weight
/// width and an incoming activation width. The allocator budgets totals of these. It probes whether a layer's
/// cost changes with the incoming width and keeps the decision separable where it does not.
/// </summary>
public interface ILayerCostModel
{
    /// <summary>A short, stable identifier used in reports and messages, e.g. <c>bops</c>.</summary>
    string Name { get; }

    /// <summary>The unit a total is printed in, e.g. <c>BOPs</c> or <c>bits</c>.</summary>
    string Unit { get; }

    /// <summary>Cost of layer <paramref name="layerIndex"/>; must be finite and the same for the same arguments.</summary>
    double LayerCost(int layerIndex, LayerDescription layer, int weightBits, int activationBits);
}
