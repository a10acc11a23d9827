namespace Codesign.Precision;

/// <summary>
/// Ω for every layer at every candidate weight width: the allocator's objective coefficients. Computed from the
/// layers, or given (a cached table, or a study of the solver with made-up sensitivities).
/// </summary>
public sealed class SensitivityTable
{
    private readonly double[][] omegas;

    private SensitivityTable(IReadOnlyList<int> widths, double[][] omegas)
    {
        Widths = widths;
        this.omegas = omegas;
    }

    /// <summary>The candidate widths, ascending; column k of every row belongs to <c>Widths[k]</c>.</summary>
    public IReadOnlyList<int> Widths { get; }

    public int LayerCount => omegas.Length;

    public static SensitivityTable Compute(IReadOnlyList<LayerDescription> layers, IReadOnlyList<int> widths)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var sorted = WeightWidths.Normalize(widths);
        var table = layers.Select(layer => sorted.Select(bits => LayerSensitivity.Omega(layer, bits)).ToArray()).ToArray();
        return new SensitivityTable(sorted, table);
    }

    /// <param name="widths">The candidate widths.</param>
    /// <param name="omegas">One row per layer, one finite, non-negative Ω per width in the order of <paramref name="widths"/>.</param>
    public static SensitivityTable FromValues(IReadOnlyList<int> widths, IReadOnlyList<IReadOnlyList<double>> omegas)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(omegas);
        var sorted = WeightWidths.Normalize(widths);
        if (sorted.Count != widths.Count)
        {
            throw new ArgumentException("widths must be distinct", nameof(widths));
        }

        var table = new double[omegas.Count][];
        for (var i = 0; i < omegas.Count; i++)
        {
            var row = omegas[i];
            if (row.Count != widths.Count || row.Any(v => !double.IsFinite(v) || v < 0))
            {
                throw new ArgumentException($"row {i} must hold {widths.Count} finite, non-negative values", nameof(omegas));
            }

            // Rows follow the caller's width order; store them in ascending width order.
            table[i] = sorted.Select(bits => row[IndexOf(widths, bits)]).ToArray();
        }

        return new SensitivityTable(sorted, table);
    }

    /// <summary>Ω of layer <paramref name="layer"/> at <c>Widths[<paramref name="widthIndex"/>]</c>.</summary>
    public double Omega(int layer, int widthIndex) => omegas[layer][widthIndex];

    /// <summary>One layer's row, in the order of <see cref="Widths"/>.</summary>
    public IReadOnlyList<double> Row(int layer) => omegas[layer];

    private static int IndexOf(IReadOnlyList<int> widths, int bits)
    {
        for (var k = 0; k < widths.Count; k++)
        {
            if (widths[k] == bits)
            {
                return k;
            }
        }

        return -1;
    }
}
