using System.Numerics;

namespace Codesign.Synthesis.Estimation;

/// <summary>
/// Cost of multiplying a <c>b</c>-bit input by a constant, as logic synthesis builds it: shifts are free, each
/// further nonzero digit of the constant's canonical signed-digit (CSD) form costs one adder as wide as the product.
/// </summary>
public static class ConstantMultiplier
{
    /// <summary>Nonzero digits of |c| in canonical signed-digit form (no two adjacent nonzero digits; minimal).</summary>
    public static int CanonicalSignedDigits(long constant)
    {
        var value = (ulong)Math.Abs(constant);
        var digits = 0;
        while (value != 0)
        {
            if ((value & 1) == 0)
            {
                value >>= 1;
                continue;
            }

            digits++;

            // A run of ones (…0111) is cheaper as +1000 − 0001: take the digit that clears two low bits.
            value = (value & 3) == 3 ? value + 1 : value - 1;
            value >>= 1;
        }

        return digits;
    }

    /// <summary>Adders needed: zero for 0 and for ± powers of two.</summary>
    public static int Adders(long constant) => Math.Max(0, CanonicalSignedDigits(constant) - 1);

    /// <summary>Bits of the product of a <paramref name="inputBits"/>-bit value and the constant.</summary>
    public static int ProductBits(int inputBits, long constant) =>
        inputBits + (constant == 0 ? 0 : 64 - BitOperations.LeadingZeroCount((ulong)Math.Abs(constant)));
}
