using System.Globalization;

namespace Codesign.Precision;

/// <summary>
/// Costs looked up per layer and width, for what no formula predicts well: LUTs, DSPs or latency cycles
/// that a synthesis stage measured or estimated. A table is keyed by weight width alone, or by weight and
/// incoming activation width when the estimate depends on both.
/// </summary>
public sealed class TableCostModel : ILayerCostModel
{
    private readonly IReadOnlyList<IReadOnlyDictionary<int, double>>? byWeightBits;
    private readonly IReadOnlyList<IReadOnlyDictionary<(int WeightBits, int ActivationBits), double>>? byBothWidths;

    /// <param name="name">Identifier in reports, e.g. <c>luts</c>.</param>
    /// <param name="unit">Unit of a total, e.g. <c>LUTs</c>.</param>
    /// <param name="costsByWeightBits">One dictionary per layer, in layer order: weight width -> cost.</param>
    public TableCostModel(string name, string unit, IReadOnlyList<IReadOnlyDictionary<int, double>> costsByWeightBits)
        : this(name, unit, costsByWeightBits, null)
    {
    }

    private TableCostModel(
        string name,
        string unit,
        IReadOnlyList<IReadOnlyDictionary<int, double>>? byWeightBits,
        IReadOnlyList<IReadOnlyDictionary<(int WeightBits, int ActivationBits), double>>? byBothWidths)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        if (byWeightBits is null && byBothWidths is null)
        {
            throw new ArgumentNullException(nameof(byWeightBits), "a cost table needs its per-layer costs");
        }

        RequireFinite((byWeightBits?.SelectMany(layer => layer.Values) ?? []).Concat(byBothWidths?.SelectMany(layer => layer.Values) ?? []));
        Name = name;
        Unit = unit;
        this.byWeightBits = byWeightBits;
        this.byBothWidths = byBothWidths;
    }

    public string Name { get; }

    public string Unit { get; }

    /// <param name="name">Identifier in reports, e.g. <c>luts</c>.</param>
    /// <param name="unit">Unit of a total, e.g. <c>LUTs</c>.</param>
    /// <param name="costs">One dictionary per layer, in layer order: (weight width, incoming activation width) -> cost.</param>
    public static TableCostModel ByWeightAndActivationBits(
        string name,
        string unit,
        IReadOnlyList<IReadOnlyDictionary<(int WeightBits, int ActivationBits), double>> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        return new TableCostModel(name, unit, null, costs);
    }

    public double LayerCost(int layerIndex, LayerDescription layer, int weightBits, int activationBits)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var layerCount = byWeightBits?.Count ?? byBothWidths!.Count;
        if (layerIndex < 0 || layerIndex >= layerCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"cost table '{Name}' has {layerCount} layers; there is no layer {layerIndex} ('{layer.Name}')"));
        }

        if (byWeightBits is not null)
        {
            return byWeightBits[layerIndex].TryGetValue(weightBits, out var cost)
                ? cost
                : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"cost table '{Name}' has no entry for layer '{layer.Name}' at {weightBits}-bit weights"));
        }

        return byBothWidths![layerIndex].TryGetValue((weightBits, activationBits), out var pairCost)
            ? pairCost
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"cost table '{Name}' has no entry for layer '{layer.Name}' at {weightBits}-bit weights and {activationBits}-bit inputs"));
    }

    private static void RequireFinite(IEnumerable<double> values)
    {
        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("every cost in a table must be finite");
        }
    }
}
