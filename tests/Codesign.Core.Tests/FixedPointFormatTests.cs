using Codesign.Core.Numerics;

namespace Codesign.Core.Tests;

public class FixedPointFormatTests
{
    [Fact]
    public void Ranges_follow_ap_fixed()
    {
        var signed = new FixedPointFormat(true, 8, 3);
        Assert.Equal((1.0 / 32, -4.0, 4 - (1.0 / 32)), (signed.Lsb, signed.MinValue, signed.MaxValue));
        var unsigned = new FixedPointFormat(false, 6, 2);
        Assert.Equal((1.0 / 16, 0.0, 4 - (1.0 / 16)), (unsigned.Lsb, unsigned.MinValue, unsigned.MaxValue));
        Assert.Equal("ap_fixed<8,3>", signed.ToString());
        Assert.Equal("ap_ufixed<6,2>", unsigned.ToString());
    }

    [Theory]
    [InlineData(0.5, 0)]     // 0.5 LSB: tie, to even 0
    [InlineData(1.5, 2)]     // tie, to even 2
    [InlineData(2.5, 2)]     // tie, to even 2
    [InlineData(-0.5, 0)]
    [InlineData(-1.5, -2)]
    [InlineData(-2.5, -2)]
    [InlineData(2.5000001, 3)]
    [InlineData(127.4, 127)]
    [InlineData(127.6, 127)] // rounds to 128, saturates at the maximum code
    [InlineData(1e9, 127)]
    [InlineData(-128.4, -128)]
    [InlineData(-1e9, -128)]
    public void Codes_round_half_to_even_then_saturate(double lsbs, long expected)
    {
        var format = new FixedPointFormat(true, 8, 8); // LSB = 1
        Assert.Equal(expected, format.ToCode(lsbs));
    }

    [Fact]
    public void Ties_are_exact_at_fractional_scales()
    {
        var format = new FixedPointFormat(true, 6, 1); // LSB = 1/32
        Assert.Equal(0.0, format.Quantize(1.0 / 64));
        Assert.Equal(2.0 / 32, format.Quantize(3.0 / 64));
        Assert.Equal(format.MaxValue, format.Quantize(0.99));
    }

    [Fact]
    public void Unsigned_formats_saturate_negative_values_at_zero()
    {
        var format = new FixedPointFormat(false, 4, 2);
        Assert.Equal(0, format.ToCode(-3.0));
        Assert.Equal(15, format.ToCode(100.0));
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(0.5, 1)]
    [InlineData(1.0, 2)]
    [InlineData(0.24, -1)]
    [InlineData(3.9, 3)]
    public void Signed_range_gets_the_fewest_integer_bits_that_hold_it(double maxAbs, int integerBits)
    {
        var format = FixedPointFormat.SignedForRange(maxAbs, 6);
        Assert.Equal(integerBits, format.IntegerBits);
        Assert.True(maxAbs < Math.ScaleB(1, integerBits - 1));
        Assert.True(maxAbs >= Math.ScaleB(1, integerBits - 2));
    }

    [Fact]
    public void Unsigned_range_gets_the_fewest_integer_bits_that_hold_it()
    {
        Assert.Equal(3, FixedPointFormat.UnsignedForRange(5.2, 8).IntegerBits);
        Assert.Equal(0, FixedPointFormat.UnsignedForRange(0.9, 8).IntegerBits);
    }

    [Fact]
    public void Invalid_formats_and_values_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedPointFormat(true, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedPointFormat(false, 63, 0));
        Assert.Throws<ArgumentException>(() => new FixedPointFormat(true, 8, 0).ToCode(double.NaN));
    }
}
