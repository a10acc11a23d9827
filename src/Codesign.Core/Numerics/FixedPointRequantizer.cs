namespace Codesign.Core.Numerics;

/// <summary>
/// Moves an integer code from one binary grid to a format: round half to even (AP_RND_CONV), then saturate (AP_SAT).
/// The one integer rounding rule of the executor and the HLS casts.
/// </summary>
public static class FixedPointRequantizer
{
    /// <summary>A code with <paramref name="fraction"/> fractional bits, rounded half to even to the target's grid and saturated.</summary>
    public static long Requantize(long value, int fraction, FixedPointFormat target)
    {
        var shift = fraction - target.FractionalBits;
        long code;
        if (shift <= 0)
        {
            code = shift < -62 ? (value == 0 ? 0 : value > 0 ? long.MaxValue : long.MinValue) : SaturatingShiftLeft(value, -shift);
        }
        else if (shift > 62)
        {
            code = 0;
        }
        else
        {
            var floor = value >> shift; // arithmetic shift: floor division by 2^shift
            var remainder = value - (floor << shift);
            var half = 1L << (shift - 1);
            code = remainder > half || (remainder == half && (floor & 1) != 0) ? floor + 1 : floor;
        }

        return Math.Clamp(code, target.MinCode, target.MaxCode);
    }

    private static long SaturatingShiftLeft(long value, int shift)
    {
        if (shift == 0)
        {
            return value;
        }

        var limit = long.MaxValue >> shift;
        return value > limit ? long.MaxValue : value < -limit ? long.MinValue : value << shift;
    }
}
