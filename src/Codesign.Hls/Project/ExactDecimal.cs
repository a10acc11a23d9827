using System.Globalization;
using System.Numerics;

namespace Codesign.Hls.Project;

/// <summary>
/// Fixed-point values as exact decimal text: code × 2^-F has at most F digits after the point, and every digit is
/// written, so nothing is lost in the text. A C++ compiler or strtod turns such a literal into the same value again
/// whenever the code fits a double's 53-bit significand (callers check that).
/// </summary>
internal static class ExactDecimal
{
    /// <summary>The largest code magnitude a double holds exactly.</summary>
    public const long MaxExactCode = 1L << 53;

    /// <summary><paramref name="code"/> × 2^-<paramref name="fractionalBits"/>, always with a decimal point ("3.0", "-0.125").</summary>
    public static string Format(long code, int fractionalBits)
    {
        if (fractionalBits <= 0)
        {
            return (new BigInteger(code) << -fractionalBits).ToString(CultureInfo.InvariantCulture) + ".0";
        }

        // code / 2^F = code · 5^F / 10^F: the digits of code · 5^F with the point F places from the right.
        var digits = BigInteger.Abs(new BigInteger(code) * BigInteger.Pow(5, fractionalBits)).ToString(CultureInfo.InvariantCulture)
            .PadLeft(fractionalBits + 1, '0');
        var integer = digits[..^fractionalBits];
        var fraction = digits[^fractionalBits..].TrimEnd('0');
        return (code < 0 ? "-" : string.Empty) + integer + "." + (fraction.Length == 0 ? "0" : fraction);
    }

    /// <summary>
    /// A double as the shortest text that reads back as the same double (what .NET's "R" and strtod agree on:
    /// both round correctly), for inputs that are not on a fixed-point grid.
    /// </summary>
    public static string RoundTrip(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "only finite values can be written for the testbench");
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
