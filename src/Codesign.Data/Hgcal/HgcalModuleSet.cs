namespace Codesign.Data.Hgcal;

/// <summary>
/// Trigger-cell charges of HGCal modules, one row of 48 per module and crossing in CALQ_0 .. CALQ_47 order, as the
/// authors' ECON-T code prepares them: rows without any charge dropped, each row divided by 2^floor(log2(sum)).
/// <para>
/// The divisor is a power of two so the normalised row sums to [1, 2) and the scaling is exact in floating point
/// and in fixed point. <see cref="NormalizationFactors"/> keeps it per row: multiply a reconstruction by it to return
/// to MIP_T. (The EMD is unchanged by that, as it compares shapes normalised to unit total.)
/// </para>
/// </summary>
public sealed class HgcalModuleSet
{
    private HgcalModuleSet(float[] charges, float[] normalized, float[] factors)
    {
        Charges = charges;
        Normalized = normalized;
        NormalizationFactors = factors;
    }

    /// <summary>Raw charges in MIP_T, row-major: <see cref="ModuleCount"/> x 48.</summary>
    public float[] Charges { get; }

    /// <summary>Each row of <see cref="Charges"/> divided by its <see cref="NormalizationFactors"/> entry.</summary>
    public float[] Normalized { get; }

    /// <summary>2^floor(log2(row sum)) per module.</summary>
    public float[] NormalizationFactors { get; }

    public int ModuleCount => NormalizationFactors.Length;

    public ReadOnlySpan<float> ChargesOf(int module) => Charges.AsSpan(module * HgcalModuleGeometry.CellCount, HgcalModuleGeometry.CellCount);

    public ReadOnlySpan<float> NormalizedOf(int module) => Normalized.AsSpan(module * HgcalModuleGeometry.CellCount, HgcalModuleGeometry.CellCount);

    /// <summary>Builds the set from raw rows: drops rows whose charges sum to zero and normalises the rest.</summary>
    /// <param name="charges">Rows of 48 non-negative finite charges.</param>
    public static HgcalModuleSet FromCharges(ReadOnlySpan<float> charges)
    {
        const int width = HgcalModuleGeometry.CellCount;
        if (charges.Length % width != 0)
        {
            throw new ArgumentException($"{charges.Length} values do not form rows of {width} cells.", nameof(charges));
        }

        var kept = new List<int>();
        for (var row = 0; row < charges.Length / width; row++)
        {
            if (Sum(charges.Slice(row * width, width)) > 0)
            {
                kept.Add(row);
            }
        }

        var raw = new float[kept.Count * width];
        var normalized = new float[raw.Length];
        var factors = new float[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            var source = charges.Slice(kept[i] * width, width);
            source.CopyTo(raw.AsSpan(i * width, width));
            factors[i] = NormalizationFactor(Sum(source));
            for (var cell = 0; cell < width; cell++)
            {
                normalized[(i * width) + cell] = source[cell] / factors[i];
            }
        }

        return new HgcalModuleSet(raw, normalized, factors);
    }

    /// <summary>2^floor(log2(sum)) for a positive sum, computed from the exponent so no rounding of log2 can move it.</summary>
    public static float NormalizationFactor(double sum)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sum);
        return (float)Math.ScaleB(1.0, Math.ILogB(sum));
    }

    private static double Sum(ReadOnlySpan<float> row)
    {
        var sum = 0.0;
        foreach (var value in row)
        {
            if (!(value >= 0) || float.IsInfinity(value))
            {
                throw new ArgumentException($"Charges must be finite and non-negative; found {value}.", nameof(row));
            }

            sum += value;
        }

        return sum;
    }
}
