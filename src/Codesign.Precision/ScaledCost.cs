namespace Codesign.Precision;

/// <summary>
/// A cost table in the integers CP-SAT needs. Each layer's term is taken relative to its cheapest value (the
/// offsets add up to a constant that moves to the limit's side, which also takes out parts like BOPs'
/// m·n·log2 n that no choice changes) and multiplied by a power of two that puts the largest possible total
/// near 2^40, then rounded: a cost is resolved to about 1e-12 of its range.
/// <para>
/// A budget is met when a configuration's total, summed in double in layer order, is at most the limit. The
/// integer constraint must not exclude such a configuration, so its bound carries slack for the rounding of
/// every coefficient and for the floating-point error of the totals, offsets and limit (bounded below). The
/// slack can let through a configuration that misses the limit by about that much; the allocator checks every
/// solution in double and rules such a configuration out, so the two criteria agree exactly.
/// </para>
/// </summary>
internal sealed class ScaledCost
{
    private const int ResolutionBits = 40;

    private readonly double offset;
    private readonly double range;
    private readonly double magnitude;
    private readonly double scale;

    private ScaledCost(long[][] coefficients, double offset, double range, double magnitude, double scale)
    {
        Coefficients = coefficients;
        this.offset = offset;
        this.range = range;
        this.magnitude = magnitude;
        this.scale = scale;
    }

    /// <summary>Per layer, in the shape of <see cref="CostTable.Terms"/>.</summary>
    public long[][] Coefficients { get; }

    public static ScaledCost Create(CostTable table)
    {
        var layerOffsets = new double[table.LayerCount];
        var range = 0.0;
        var offset = 0.0;
        var magnitude = 0.0;
        for (var i = 0; i < table.LayerCount; i++)
        {
            var terms = table.Terms(i);
            layerOffsets[i] = terms.Min();
            offset += layerOffsets[i];
            range += terms.Max() - layerOffsets[i];
            magnitude += terms.Max(Math.Abs);
        }

        var scale = range > 0 ? Math.ScaleB(1.0, ResolutionBits - 1 - Math.ILogB(range)) : 1.0;
        var coefficients = new long[table.LayerCount][];
        for (var i = 0; i < table.LayerCount; i++)
        {
            coefficients[i] = table.Terms(i).Select(term => (long)Math.Round((term - layerOffsets[i]) * scale)).ToArray();
        }

        return new ScaledCost(coefficients, offset, range, magnitude, scale);
    }

    /// <summary>The bound for Σ coefficients ≤ bound that <paramref name="limit"/> means, or null when no configuration can exceed it.</summary>
    public long? Bound(double limit)
    {
        var headroom = limit - offset;
        if (headroom < 0)
        {
            // Exact: rounding is monotone, so every total summed in double is at least the offsets summed in
            // the same order, which already exceed the limit.
            return -1;
        }

        // Each of the about 2L + 3 roundings (layer terms, totals, offsets, the headroom) is off by at most one
        // unit in the last place of a number no larger than the summed magnitudes plus the limit; 2^-52 per
        // rounding is twice that.
        var layers = Coefficients.Length;
        var floatingPointError = ((2.0 * layers) + 3) * Math.ScaleB(magnitude + Math.Abs(limit), -52);
        if (headroom > (2 * range) + floatingPointError)
        {
            return null;
        }

        // Half a unit of rounding per coefficient, one for the floor, and the floating-point error in units.
        var slack = layers + 1 + (long)Math.Ceiling(floatingPointError * scale);
        return (long)Math.Floor(headroom * scale) + slack;
    }
}
