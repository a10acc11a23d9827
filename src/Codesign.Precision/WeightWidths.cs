namespace Codesign.Precision;

/// <summary>The weight widths a layer may choose from.</summary>
public static class WeightWidths
{
    /// <summary>2 to 8 bits: below 2 a signed weight has no magnitude bit, above 8 the FPGA gains little.</summary>
    public static IReadOnlyList<int> Default { get; } = [2, 3, 4, 5, 6, 7, 8];

    /// <summary>Distinct, ascending, each a width the signed quantizer supports (2 to 62 bits).</summary>
    public static IReadOnlyList<int> Normalize(IReadOnlyList<int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count == 0)
        {
            throw new ArgumentException("at least one candidate width is needed", nameof(widths));
        }

        foreach (var bits in widths)
        {
            if (bits is < 2 or > 62)
            {
                throw new ArgumentOutOfRangeException(nameof(widths), bits, "a candidate weight width must be between 2 and 62 bits");
            }
        }

        return widths.Distinct().Order().ToArray();
    }
}
