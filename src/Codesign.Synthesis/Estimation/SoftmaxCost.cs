using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Synthesis.Estimation;

/// <summary>
/// The table softmax as one pipelined block: a comparator tree for the maximum, a subtractor and an exp-table read
/// per element, an adder tree for the sum, one inverse-table read, a multiplier per element and the output rounding.
/// Tables are distributed ROM (64 entries × 1 bit per LUT plus the read multiplexers), one copy per read, because
/// every read happens in the same cycle; the multiplications of two table entries go to DSPs when both are wider
/// than <see cref="EstimatorCosts.DspThresholdBits"/>.
/// </summary>
internal static class SoftmaxCost
{
    private const int RomEntriesPerLut = 64;

    public static ArithmeticCost Of(FixedPointFormat input, SoftmaxTables tables, int elements, EstimatorCosts costs)
    {
        var inputBits = input.TotalBits;
        var sumBits = tables.SumFormat(elements).TotalBits;
        var outputBits = tables.OutputFormat.TotalBits;
        var comparators = elements - 1;
        var levels = ArithmeticCost.Levels(elements);

        var maxLuts = comparators * 2L * inputBits;
        var maxNs = levels * ((2 * costs.LutLevelNs) + (inputBits * costs.CarryNsPerBit));
        var differenceLuts = (long)elements * inputBits;
        var differenceNs = costs.LutLevelNs + (inputBits * costs.CarryNsPerBit);
        var (expRomLuts, expRomNs) = Rom(tables.ExpCodes.Length, tables.ExpFormat.TotalBits, costs);
        var sumLuts = (long)(comparators + 1) * sumBits;
        var sumNs = (levels + 1) * (costs.LutLevelNs + (sumBits * costs.CarryNsPerBit));
        var (inverseRomLuts, inverseRomNs) = Rom(tables.InverseCodes.Length, tables.InverseFormat.TotalBits, costs);

        var wide = tables.ExpFormat.TotalBits > costs.DspThresholdBits && tables.InverseFormat.TotalBits > costs.DspThresholdBits;
        var multiplierLuts = wide ? 0 : (long)elements * tables.ExpFormat.TotalBits * tables.InverseFormat.TotalBits;
        var multiplierNs = wide ? costs.DspNs : ArithmeticCost.Levels(tables.InverseFormat.TotalBits) * (costs.LutLevelNs + (tables.ProductFormat.TotalBits * costs.CarryNsPerBit));
        var roundingLuts = (long)elements * outputBits * (costs.LutsPerRoundedBit + costs.LutsPerSaturatedBit);
        var roundingNs = (2 * costs.LutLevelNs) + (outputBits * costs.CarryNsPerBit);

        var luts = maxLuts + differenceLuts + (elements * expRomLuts) + sumLuts + inverseRomLuts + multiplierLuts + (long)Math.Ceiling(roundingLuts);
        var delay = maxNs + differenceNs + expRomNs + sumNs + inverseRomNs + multiplierNs + roundingNs;
        return new ArithmeticCost(luts, wide ? elements : 0, elements, comparators + 1, delay, sumBits);
    }

    /// <summary>LUTs and read delay of a ROM of <paramref name="entries"/> × <paramref name="bits"/> in LUT6s and 4:1 multiplexers.</summary>
    private static (long Luts, double DelayNs) Rom(int entries, int bits, EstimatorCosts costs)
    {
        var leaves = (entries + RomEntriesPerLut - 1) / RomEntriesPerLut;
        long multiplexers = 0;
        var muxLevels = 0;
        for (var width = leaves; width > 1; width = (width + 3) / 4)
        {
            multiplexers += (width + 3) / 4;
            muxLevels++;
        }

        return ((leaves + multiplexers) * bits, (1 + muxLevels) * costs.LutLevelNs);
    }
}
