using System.Numerics;
using Codesign.Hls.Numerics;

namespace Codesign.Hls.Tests.ApTypes;

/// <summary>The C# model on cases computed by hand (the exhaustive tests then hold the headers to the model).</summary>
public class ApFixedModelTests
{
    // Expected codes of ap_fixed<8,8> (LSB 1) in mode order AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF,
    // AP_RND_CONV, AP_TRN, AP_TRN_ZERO.
    [Theory]
    [InlineData(0.5, new long[] { 1, 0, 0, 1, 0, 0, 0 })]
    [InlineData(-0.5, new long[] { 0, 0, -1, -1, 0, -1, 0 })]
    [InlineData(1.5, new long[] { 2, 1, 1, 2, 2, 1, 1 })]
    [InlineData(-1.5, new long[] { -1, -1, -2, -2, -2, -2, -1 })]
    [InlineData(2.5, new long[] { 3, 2, 2, 3, 2, 2, 2 })]
    [InlineData(-2.5, new long[] { -2, -2, -3, -3, -2, -3, -2 })]
    [InlineData(0.75, new long[] { 1, 1, 1, 1, 1, 0, 0 })]
    [InlineData(-0.75, new long[] { -1, -1, -1, -1, -1, -1, 0 })]
    [InlineData(-0.25, new long[] { 0, 0, 0, 0, 0, -1, 0 })]
    [InlineData(3.0, new long[] { 3, 3, 3, 3, 3, 3, 3 })]
    public void Every_rounding_mode_puts_ties_and_non_ties_where_its_name_says(double value, long[] expected)
    {
        var raw = new BigInteger(value * 4); // all cases are multiples of 1/4
        var actual = ApTypeCases.QuantizationModes
            .Select(q => (long)ApFixedArithmetic.Quantize(raw, 2, ApFixedType.Fixed(8, 8, q)))
            .ToArray();
        Assert.Equal(expected, actual);
        Assert.Equal(expected, ApTypeCases.QuantizationModes.Select(q => (long)ApFixedArithmetic.FromDouble(value, ApFixedType.Fixed(8, 8, q))).ToArray());
    }

    // ap_fixed<4,4> holds -8..7; codes in mode order AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP.
    [Theory]
    [InlineData(9, new long[] { 7, 0, 7, -7 })]
    [InlineData(-9, new long[] { -8, 0, -7, 7 })]
    [InlineData(-8, new long[] { -8, -8, -7, -8 })] // in range, but AP_SAT_SYM never holds the minimum
    [InlineData(7, new long[] { 7, 7, 7, 7 })]
    [InlineData(100, new long[] { 7, 0, 7, 4 })]
    [InlineData(-100, new long[] { -8, 0, -7, -4 })]
    public void Signed_overflow_saturates_zeroes_or_wraps(long value, long[] expected)
    {
        var actual = ApTypeCases.OverflowModes
            .Select(o => (long)ApFixedArithmetic.Quantize(value, 0, ApFixedType.Fixed(4, 4, ApQuantizationMode.Trn, o)))
            .ToArray();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(-1, new long[] { 0, 0, 0, 15 })]
    [InlineData(16, new long[] { 15, 0, 15, 0 })]
    [InlineData(0, new long[] { 0, 0, 0, 0 })]
    public void Unsigned_overflow_treats_sat_sym_as_sat(long value, long[] expected)
    {
        var actual = ApTypeCases.OverflowModes
            .Select(o => (long)ApFixedArithmetic.Quantize(value, 0, ApFixedType.UFixed(4, 4, ApQuantizationMode.Trn, o)))
            .ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_rounding_carry_can_overflow()
    {
        // 7.5 rounds to 8, one past ap_fixed<4,4>'s maximum.
        Assert.Equal(7, (long)ApFixedArithmetic.FromDouble(7.5, ApFixedType.Fixed(4, 4, ApQuantizationMode.Rnd, ApOverflowMode.Sat)));
        Assert.Equal(-8, (long)ApFixedArithmetic.FromDouble(7.5, ApFixedType.Fixed(4, 4, ApQuantizationMode.Rnd, ApOverflowMode.Wrap)));
        Assert.Equal(0, (long)ApFixedArithmetic.FromDouble(7.5, ApFixedType.Fixed(4, 4, ApQuantizationMode.Rnd, ApOverflowMode.SatZero)));
        Assert.Equal(-8, (long)ApFixedArithmetic.FromDouble(7.5, ApFixedType.Fixed(4, 4, ApQuantizationMode.RndConv, ApOverflowMode.Wrap))); // the even neighbour is 8
        Assert.Equal(7, (long)ApFixedArithmetic.FromDouble(7.5, ApFixedType.Fixed(4, 4, ApQuantizationMode.RndMinInf, ApOverflowMode.Wrap)));
    }

    [Fact]
    public void Scales_beyond_the_width_work_both_ways()
    {
        // ap_fixed<4,-2>: LSB 2^-6, range [-1/8, 1/8 - 1/64].
        var fraction = ApFixedType.Fixed(4, -2);
        Assert.Equal(6, (long)ApFixedArithmetic.FromDouble(0.1, fraction)); // 6.4 LSBs, floored
        Assert.Equal(-7, (long)ApFixedArithmetic.FromDouble(-0.1, fraction)); // -6.4 floored
        Assert.Equal(7, (long)ApFixedArithmetic.FromDouble(0.5, fraction.WithModes(ApQuantizationMode.Trn, ApOverflowMode.Sat)));

        // ap_fixed<4,6>: LSB 4, range [-32, 28].
        var coarse = ApFixedType.Fixed(4, 6);
        Assert.Equal(3, (long)ApFixedArithmetic.FromDouble(13, coarse));
        Assert.Equal(4, (long)ApFixedArithmetic.FromDouble(14, coarse.WithModes(ApQuantizationMode.RndConv, ApOverflowMode.Wrap))); // 3.5: tie to even 4
        Assert.Equal(3, (long)ApFixedArithmetic.FromDouble(14, coarse.WithModes(ApQuantizationMode.RndZero, ApOverflowMode.Wrap)));
        Assert.Equal(-8, (long)ApFixedArithmetic.FromDouble(32, coarse)); // 8 LSBs wraps to -8
    }

    [Fact]
    public void Doubles_are_read_exactly_including_specials()
    {
        var q = ApFixedType.Fixed(8, 4); // LSB 1/16
        Assert.Equal(-1, (long)ApFixedArithmetic.FromDouble(-1e-300, q)); // floor of a tiny negative value
        Assert.Equal(0, (long)ApFixedArithmetic.FromDouble(-1e-300, q.WithModes(ApQuantizationMode.TrnZero, ApOverflowMode.Wrap)));
        Assert.Equal(0, (long)ApFixedArithmetic.FromDouble(-double.Epsilon, q.WithModes(ApQuantizationMode.Rnd, ApOverflowMode.Wrap)));
        Assert.Equal(127, (long)ApFixedArithmetic.FromDouble(1e300, q.WithModes(ApQuantizationMode.Trn, ApOverflowMode.Sat)));
        Assert.Equal(0, (long)ApFixedArithmetic.FromDouble(1e300, q)); // 1e300 · 16 is a multiple of 2^8: its low bits are 0
        Assert.Equal(0, (long)ApFixedArithmetic.FromDouble(double.NaN, q));
        Assert.Equal(127, (long)ApFixedArithmetic.FromDouble(double.PositiveInfinity, q.WithModes(ApQuantizationMode.Trn, ApOverflowMode.Sat)));
        Assert.Equal(-127, (long)ApFixedArithmetic.FromDouble(double.NegativeInfinity, q.WithModes(ApQuantizationMode.Trn, ApOverflowMode.SatSym)));
        Assert.Equal(0, (long)ApFixedArithmetic.FromDouble(double.NegativeInfinity, q));
        Assert.Equal(((BigInteger)4503599627370497, 52), ApFixedArithmetic.Decompose(1 + Math.Pow(2, -52)));
        Assert.Equal(((BigInteger)(-1), 1074), ApFixedArithmetic.Decompose(-double.Epsilon));
    }

    [Fact]
    public void Result_types_carry_the_full_precision()
    {
        var a = ApFixedType.Fixed(8, 3);
        var b = ApFixedType.UFixed(6, 2);

        // The unsigned operand gets one more integer bit (3), plus a carry: I = 4; F = max(5, 4).
        Assert.Equal(ApFixedType.Fixed(9, 4), ApFixedArithmetic.AddType(a, b));
        Assert.Equal(ApFixedType.Fixed(9, 4), ApFixedArithmetic.SubtractType(a, b));
        Assert.Equal(ApFixedType.Fixed(14, 5), ApFixedArithmetic.MultiplyType(a, b));
        Assert.Equal(ApFixedType.UFixed(7, 3), ApFixedArithmetic.AddType(b, b));
        Assert.Equal(ApFixedType.Fixed(7, 3), ApFixedArithmetic.SubtractType(b, b));
        Assert.Equal(ApFixedType.ApInt(9), ApFixedArithmetic.NegateType(ApFixedType.ApInt(8)));

        // int is ap_int<32>: ap_fixed<16,6> + int has 33 integer bits.
        Assert.Equal(ApFixedType.Fixed(43, 33), ApFixedArithmetic.AddType(ApFixedType.Fixed(16, 6), ApFixedType.ForCInteger(32, true)));
        Assert.Equal(ApFixedType.ApUInt(128), ApFixedArithmetic.MultiplyType(ApFixedType.ApUInt(64), ApFixedType.ApUInt(64)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApFixedArithmetic.AddType(ApFixedType.ApUInt(128), ApFixedType.ApUInt(1)));
    }

    [Fact]
    public void Types_print_as_cpp_and_reject_what_the_headers_do_not_implement()
    {
        Assert.Equal("ap_fixed<16,6>", ApFixedType.Fixed(16, 6).ToCppType());
        Assert.Equal("ap_ufixed<8,0,AP_RND_CONV,AP_SAT_SYM>", ApFixedType.UFixed(8, 0, ApQuantizationMode.RndConv, ApOverflowMode.SatSym).ToString());
        Assert.Equal("ap_int<8>", ApFixedType.ApInt(8).ToCppType());
        Assert.Equal("ap_uint<1>", ApFixedType.ForCInteger(1, false).ToCppType());
        Assert.Equal("ap_fixed<8,8,AP_RND,AP_WRAP>", ApFixedType.Fixed(8, 8, ApQuantizationMode.Rnd).ToCppType());
        Assert.Equal(-(BigInteger.One << 127), ApFixedType.ApInt(128).MinCode);
        Assert.Equal((BigInteger.One << 128) - 1, ApFixedType.ApUInt(128).MaxCode);

        Assert.Throws<ArgumentOutOfRangeException>(() => ApFixedType.Fixed(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApFixedType.UFixed(129, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApFixedType.Fixed(8, 3, ApQuantizationMode.Trn, ApOverflowMode.WrapSm));
    }
}
