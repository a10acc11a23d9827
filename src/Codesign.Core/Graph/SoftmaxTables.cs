using Codesign.Core.Numerics;

namespace Codesign.Core.Graph;

/// <summary>
/// The lookup tables of a <see cref="SoftmaxNode"/> and how they are indexed. The tables are data of the graph, so the
/// integer executor and the generated C++ read the same codes and no two implementations of exp() ever meet.
/// For an input vector of codes x (n elements):
/// <code>
/// m   = max x_i                                            exact
/// d_i = m - x_i                                            exact, ≥ 0, on the input grid
/// e_i = ExpCodes[min(d_i >> ExpIndexShift, last)]          ExpFormat, ap_ufixed&lt;18,1&gt;
/// s   = Σ e_i                                              exact in SumFormat(n)
/// r   = s - ExpCodes[0]                                    ≥ 0: the maximum itself contributes ExpCodes[0], the largest entry
/// v   = InverseCodes[min(r >> InverseIndexShift, last)]    InverseFormat, ≈ 1 / s
/// y_i = e_i · v rounded half to even and saturated onto OutputFormat
/// </code>
/// Equal inputs give equal outputs (ties), and only differences of inputs matter, as in the real softmax.
/// </summary>
public sealed record SoftmaxTables(
    int ExpIndexShift,
    FixedPointFormat ExpFormat,
    long[] ExpCodes,
    int InverseIndexShift,
    FixedPointFormat InverseFormat,
    long[] InverseCodes,
    FixedPointFormat OutputFormat)
{
    /// <summary>Entries per table unless the spec says otherwise (hls4ml's default).</summary>
    public const int DefaultTableSize = 1024;

    public const int MinTableSize = 64;

    public const int MaxTableSize = 65536;

    /// <summary>Differences of wider inputs would not fit the 64-bit index arithmetic of both implementations.</summary>
    public const int MaxInputBits = 32;

    /// <summary>exp values lie in (0, 1]: 1 integer bit, 17 fraction bits (hls4ml's tables have 18 bits too).</summary>
    public static readonly FixedPointFormat DefaultExpFormat = new(false, 18, 1);

    /// <summary>1 / sum lies in (1/n, 1/ExpCodes[0]] ⊂ (0, 2) because every table has ExpCodes[0] above one half.</summary>
    public static readonly FixedPointFormat DefaultInverseFormat = new(false, 18, 1);

    /// <summary>Probabilities in [0, 1]: 15 fraction bits, and 1.0 itself is representable.</summary>
    public static readonly FixedPointFormat DefaultOutputFormat = new(false, 16, 1);

    /// <summary>
    /// Tables for <paramref name="inputs"/> values of <paramref name="input"/> with at most
    /// <paramref name="tableSize"/> entries each. The exp table covers the differences up to where exp(−d) rounds to
    /// zero (or the whole input range, when that is smaller) in equal bins; each entry is exp at its bin's centre,
    /// so with enough entries for every difference (small input formats) the table is exact. The inverse table
    /// covers every possible sum the same way.
    /// </summary>
    public static SoftmaxTables Create(FixedPointFormat input, int inputs, int tableSize = DefaultTableSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        if (input.TotalBits > MaxInputBits)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input, $"softmax inputs are at most {MaxInputBits} bits wide");
        }

        if (tableSize < MinTableSize || tableSize > MaxTableSize || !int.IsPow2(tableSize))
        {
            throw new ArgumentOutOfRangeException(nameof(tableSize), tableSize, $"a softmax table size is a power of two from {MinTableSize} to {MaxTableSize}");
        }

        var expFormat = DefaultExpFormat;
        var largestDifference = input.MaxCode - input.MinCode;

        // Beyond (F_e + 1)·ln 2 every exp rounds to code 0; no table entry is needed there.
        var vanishing = (long)Math.Ceiling((expFormat.FractionalBits + 1) * Math.Log(2) / input.Lsb);
        var covered = Math.Min(largestDifference, vanishing) + 1;
        var expShift = ShiftToFit(covered - 1, tableSize);
        var expCodes = new long[Math.Min(tableSize, (largestDifference >> expShift) + 1)];
        for (var j = 0; j < expCodes.Length; j++)
        {
            var centre = BinCentre(j, expShift, largestDifference);
            expCodes[j] = expFormat.ToCode(Math.Exp(-centre * input.Lsb));
        }

        var inverseFormat = DefaultInverseFormat;
        var largestRest = (inputs - 1) * expCodes[0];
        var inverseShift = ShiftToFit(largestRest, tableSize);
        var inverseCodes = new long[(largestRest >> inverseShift) + 1];
        for (var j = 0; j < inverseCodes.Length; j++)
        {
            var sum = (expCodes[0] + BinCentre(j, inverseShift, largestRest)) * expFormat.Lsb;
            inverseCodes[j] = inverseFormat.ToCode(1 / sum);
        }

        return new SoftmaxTables(expShift, expFormat, expCodes, inverseShift, inverseFormat, inverseCodes, DefaultOutputFormat);
    }

    /// <summary>The lossless format of a sum of <paramref name="inputs"/> exp entries.</summary>
    public FixedPointFormat SumFormat(int inputs)
    {
        var growth = inputs <= 1 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(inputs - 1));
        return new FixedPointFormat(false, ExpFormat.TotalBits + growth, ExpFormat.IntegerBits + growth);
    }

    /// <summary>The format of e_i · v before it is rounded onto <see cref="OutputFormat"/>.</summary>
    public FixedPointFormat ProductFormat => new(false, ExpFormat.TotalBits + InverseFormat.TotalBits, ExpFormat.IntegerBits + InverseFormat.IntegerBits);

    /// <summary>The smallest shift that maps 0..<paramref name="largest"/> onto fewer than <paramref name="entries"/> bins.</summary>
    private static int ShiftToFit(long largest, int entries)
    {
        var shift = 0;
        while ((largest >> shift) >= entries)
        {
            shift++;
        }

        return shift;
    }

    /// <summary>The middle of the codes bin <paramref name="bin"/> holds, counting only codes up to <paramref name="largest"/>.</summary>
    private static double BinCentre(long bin, int shift, long largest)
    {
        var first = bin << shift;
        var last = Math.Min(((bin + 1) << shift) - 1, largest);
        return (first + last) / 2.0;
    }
}
