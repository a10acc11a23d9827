using System.Globalization;
using Codesign.Hls.Project;

namespace Codesign.Hls.Tests.Project;

public sealed class ExactDecimalTests
{
    [Theory]
    [InlineData(5, 2, "1.25")]
    [InlineData(-3, 1, "-1.5")]
    [InlineData(-1, 3, "-0.125")]
    [InlineData(0, 4, "0.0")]
    [InlineData(8, 3, "1.0")]
    [InlineData(3, -2, "12.0")]
    [InlineData(-32768, 10, "-32.0")]
    [InlineData(1, 20, "0.00000095367431640625")]
    public void Writes_code_times_two_to_the_minus_f_in_full(long code, int fractionalBits, string expected) =>
        Assert.Equal(expected, ExactDecimal.Format(code, fractionalBits));

    [Fact]
    public void Every_53_bit_code_reads_back_as_the_same_double()
    {
        var random = new Random(1);
        for (var i = 0; i < 20_000; i++)
        {
            var code = random.NextInt64(-(1L << 53) + 1, 1L << 53);
            var fraction = random.Next(-40, 70);
            Assert.Equal(Math.ScaleB(code, -fraction), double.Parse(ExactDecimal.Format(code, fraction), CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Raw_inputs_round_trip_through_their_text()
    {
        var random = new Random(2);
        for (var i = 0; i < 20_000; i++)
        {
            var value = (double)BitConverter.Int32BitsToSingle(random.Next());
            if (double.IsFinite(value))
            {
                Assert.Equal(value, double.Parse(ExactDecimal.RoundTrip(value), CultureInfo.InvariantCulture));
            }
        }
    }
}
