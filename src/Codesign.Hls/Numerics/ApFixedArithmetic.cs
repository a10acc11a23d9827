using System.Numerics;

namespace Codesign.Hls.Numerics;

/// <summary>
/// The rules of <c>ap_fixed</c> arithmetic, as our headers (Headers/ap_types) implement them: full-precision result
/// types of + - *, and the conversion of an exact value into a type (quantization, then overflow). Codes are the
/// signed integer a type stores: value = code · 2^-FractionalBits.
/// </summary>
/// <remarks>
/// Written independently of the C++ (plain <see cref="BigInteger"/> arithmetic instead of bit manipulation) so the
/// exhaustive tests that compare the two check one against the other.
/// </remarks>
public static class ApFixedArithmetic
{
    /// <summary>a + b exactly: max(I1 + (S2 ∧ ¬S1), I2 + (S1 ∧ ¬S2)) + 1 integer bits, max(F1, F2) fractional bits.</summary>
    public static ApFixedType AddType(ApFixedType a, ApFixedType b) => SumType(a, b, a.IsSigned || b.IsSigned);

    /// <summary>a - b exactly: the widths of <see cref="AddType"/>, always signed.</summary>
    public static ApFixedType SubtractType(ApFixedType a, ApFixedType b) => SumType(a, b, isSigned: true);

    /// <summary>a · b exactly: W1 + W2 bits, I1 + I2 integer bits.</summary>
    public static ApFixedType MultiplyType(ApFixedType a, ApFixedType b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new ApFixedType(a.IsSigned || b.IsSigned, a.Width + b.Width, a.IntegerBits + b.IntegerBits);
    }

    /// <summary>The exact negation (unary minus): one more bit, signed.</summary>
    public static ApFixedType NegateType(ApFixedType a) => SubtractType(a, a);

    /// <summary>
    /// The code <paramref name="target"/> stores for the exact value rawValue · 2^-fractionalBits: the target's
    /// quantization mode rounds to its LSB, then its overflow mode handles a result outside its range (so a rounding
    /// carry can overflow).
    /// </summary>
    public static BigInteger Quantize(BigInteger rawValue, int fractionalBits, ApFixedType target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var drop = fractionalBits - target.FractionalBits;
        var code = drop > 0 ? Round(rawValue, drop, target.Quantization) : rawValue << -drop;
        return Overflow(code, target);
    }

    /// <summary>
    /// The code for a double's exact value. NaN gives 0; an infinity overflows (saturates, or gives 0 under
    /// AP_WRAP and AP_SAT_ZERO), as in the headers.
    /// </summary>
    public static BigInteger FromDouble(double value, ApFixedType target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (double.IsNaN(value))
        {
            return BigInteger.Zero;
        }

        if (double.IsInfinity(value))
        {
            return target.Overflow switch
            {
                ApOverflowMode.Wrap or ApOverflowMode.SatZero => BigInteger.Zero,
                _ => Overflow(value > 0 ? target.MaxCode + 1 : target.MinCode - 1, target),
            };
        }

        var (significand, fractionalBits) = Decompose(value);
        return Quantize(significand, fractionalBits, target);
    }

    /// <summary>The double nearest to code · 2^-F (exact when the code has at most 53 significant bits).</summary>
    public static double ToDouble(BigInteger code, ApFixedType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Math.ScaleB((double)code, -type.FractionalBits);
    }

    /// <summary>A finite double as significand · 2^-fractionalBits, exactly.</summary>
    public static (BigInteger Significand, int FractionalBits) Decompose(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var significand = bits & ((1L << 52) - 1);
        if (exponent != 0)
        {
            significand |= 1L << 52;
        }

        // Subnormals (exponent field 0) share the scale of the smallest normal number.
        var fractionalBits = 1075 - Math.Max(exponent, 1);
        return (bits < 0 ? -significand : significand, fractionalBits);
    }

    private static ApFixedType SumType(ApFixedType a, ApFixedType b, bool isSigned)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        // An unsigned operand needs one more integer bit next to a signed one; the sum needs one carry bit.
        var integerA = a.IntegerBits + (b.IsSigned && !a.IsSigned ? 1 : 0);
        var integerB = b.IntegerBits + (a.IsSigned && !b.IsSigned ? 1 : 0);
        var integerBits = Math.Max(integerA, integerB) + 1;
        var fractionalBits = Math.Max(a.FractionalBits, b.FractionalBits);
        return new ApFixedType(isSigned, integerBits + fractionalBits, integerBits);
    }

    /// <summary>Drops <paramref name="drop"/> &gt; 0 low bits of <paramref name="raw"/> and rounds by <paramref name="mode"/>.</summary>
    private static BigInteger Round(BigInteger raw, int drop, ApQuantizationMode mode)
    {
        var unit = BigInteger.One << drop;
        var floor = raw >> drop; // BigInteger shifts are arithmetic: floor division by 2^drop
        var remainder = raw - (floor * unit); // in [0, unit)
        if (remainder.IsZero)
        {
            return floor;
        }

        var twice = remainder * 2;
        var negative = raw.Sign < 0;
        var roundUp = mode switch
        {
            ApQuantizationMode.Trn => false,
            ApQuantizationMode.TrnZero => negative,
            _ when twice != unit => twice > unit, // not a tie: every rounding mode picks the nearest
            ApQuantizationMode.Rnd => true,
            ApQuantizationMode.RndZero => negative,
            ApQuantizationMode.RndMinInf => false,
            ApQuantizationMode.RndInf => !negative,
            ApQuantizationMode.RndConv => !floor.IsEven,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown quantization mode"),
        };
        return roundUp ? floor + 1 : floor;
    }

    private static BigInteger Overflow(BigInteger code, ApFixedType target)
    {
        var min = target.MinCode;
        var max = target.MaxCode;
        var symmetric = target.Overflow == ApOverflowMode.SatSym && target.IsSigned;
        if (code > max)
        {
            return target.Overflow switch
            {
                ApOverflowMode.Wrap => Wrap(code, target),
                ApOverflowMode.SatZero => BigInteger.Zero,
                _ => max,
            };
        }

        if (code < min || (symmetric && code == min))
        {
            return target.Overflow switch
            {
                ApOverflowMode.Wrap => Wrap(code, target),
                ApOverflowMode.SatZero => BigInteger.Zero,
                ApOverflowMode.SatSym when target.IsSigned => min + 1,
                _ => min,
            };
        }

        return code;
    }

    /// <summary>The low W bits of <paramref name="code"/>, read as the target's (signed or unsigned) code.</summary>
    private static BigInteger Wrap(BigInteger code, ApFixedType target)
    {
        var modulus = BigInteger.One << target.Width;
        var low = code & (modulus - 1); // two's-complement AND: always in [0, 2^W)
        return target.IsSigned && low > target.MaxCode ? low - modulus : low;
    }
}
