using System.Globalization;

namespace Codesign.Core.Numerics;

/// <summary>
/// A fixed-point number format: signed or unsigned, <see cref="TotalBits"/> W bits of which <see cref="IntegerBits"/>
/// I are integer bits (the sign included), so the LSB is 2^-(W-I). This is exactly what <c>ap_fixed&lt;W,I&gt;</c> and
/// <c>ap_ufixed&lt;W,I&gt;</c> express and what a QONNX Quant node with a power-of-two scale describes. Every stage
/// quantizes through this one type: half-to-even rounding (AP_RND_CONV), then saturation (AP_SAT).
/// </summary>
public readonly record struct FixedPointFormat
{
    public FixedPointFormat(bool isSigned, int totalBits, int integerBits)
    {
        if (totalBits is < 1 or > 62)
        {
            throw new ArgumentOutOfRangeException(nameof(totalBits), totalBits, "total bits must be between 1 and 62");
        }

        if (isSigned && totalBits < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(totalBits), totalBits, "a signed format needs at least 2 bits");
        }

        IsSigned = isSigned;
        TotalBits = totalBits;
        IntegerBits = integerBits;
    }

    public bool IsSigned { get; }

    public int TotalBits { get; }

    /// <summary>Integer bits including the sign bit; may be negative or exceed the total (pure fractions, pure scaled integers).</summary>
    public int IntegerBits { get; }

    public int FractionalBits => TotalBits - IntegerBits;

    /// <summary>The value of one LSB, 2^-(W-I): the power-of-two scale of the integer codes.</summary>
    public double Lsb => Math.ScaleB(1.0, -FractionalBits);

    public long MinCode => IsSigned ? -(1L << (TotalBits - 1)) : 0;

    public long MaxCode => IsSigned ? (1L << (TotalBits - 1)) - 1 : (1L << TotalBits) - 1;

    public double MinValue => Math.ScaleB(MinCode, -FractionalBits);

    public double MaxValue => Math.ScaleB(MaxCode, -FractionalBits);

    /// <summary>
    /// The smallest signed format of <paramref name="totalBits"/> whose range holds ±<paramref name="maxAbs"/>:
    /// the per-tensor power-of-two weight scale. The integer bits are the fewest with maxAbs &lt; 2^(I-1).
    /// </summary>
    public static FixedPointFormat SignedForRange(double maxAbs, int totalBits) =>
        new(true, totalBits, IntegerBitsFor(maxAbs) + 1);

    /// <summary>The smallest unsigned format with maxValue &lt; 2^I (activations after ReLU).</summary>
    public static FixedPointFormat UnsignedForRange(double maxValue, int totalBits) =>
        new(false, totalBits, IntegerBitsFor(maxValue));

    /// <summary>The integer code of <paramref name="value"/>: value / LSB rounded half to even, then saturated.</summary>
    public long ToCode(double value)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentException("NaN has no fixed-point representation", nameof(value));
        }

        // Dividing by a power of two is exact in binary floating point, so the only rounding is the one we ask for.
        var scaled = Math.Round(Math.ScaleB(value, FractionalBits), MidpointRounding.ToEven);
        return scaled <= MinCode ? MinCode : scaled >= MaxCode ? MaxCode : (long)scaled;
    }

    public double FromCode(long code) => Math.ScaleB(code, -FractionalBits);

    /// <summary>The nearest representable value (ties to even, saturating).</summary>
    public double Quantize(double value) => FromCode(ToCode(value));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(IsSigned ? "ap_fixed" : "ap_ufixed")}<{TotalBits},{IntegerBits}>");

    private static int IntegerBitsFor(double magnitude)
    {
        if (!double.IsFinite(magnitude) || magnitude < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(magnitude), magnitude, "a range must be finite and non-negative");
        }

        // All zeros: any scale represents them exactly; pick the one a unit range would get.
        return magnitude == 0 ? 0 : (int)Math.Floor(Math.Log2(magnitude)) + 1;
    }
}
