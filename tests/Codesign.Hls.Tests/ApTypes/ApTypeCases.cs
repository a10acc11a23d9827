using System.Globalization;
using System.Numerics;
using System.Text;
using Codesign.Hls.Numerics;

namespace Codesign.Hls.Tests.ApTypes;

/// <summary>Shared pieces of the generated C++ test programs and of the checks on their output.</summary>
internal static class ApTypeCases
{
    public static readonly ApQuantizationMode[] QuantizationModes = Enum.GetValues<ApQuantizationMode>();

    public static readonly ApOverflowMode[] OverflowModes = [ApOverflowMode.Sat, ApOverflowMode.SatZero, ApOverflowMode.SatSym, ApOverflowMode.Wrap];

    /// <summary>All 28 supported (Q, O) pairs, in a fixed order.</summary>
    public static readonly (ApQuantizationMode Q, ApOverflowMode O)[] Modes =
        [.. QuantizationModes.SelectMany(q => OverflowModes.Select(o => (q, o)))];

    /// <summary>The C++ spelling the HLS writer will emit (ap_int&lt;W&gt;, ap_ufixed&lt;W,I&gt;; modes only when not AP_TRN/AP_WRAP).</summary>
    public static string Cpp(ApFixedType type) => type.ToCppType();

    public static IEnumerable<BigInteger> AllCodes(ApFixedType type)
    {
        for (var code = type.MinCode; code <= type.MaxCode; code++)
        {
            yield return code;
        }
    }

    public static string Literal(long value) => value == long.MinValue
        ? "(-9223372036854775807LL - 1)"
        : value.ToString(CultureInfo.InvariantCulture) + "LL";

    public static string Number(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    public static BigInteger ParseNumber(string text) => BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>The exact value code · 2^-fractionalBits of a result, brought to <paramref name="fractionalBits"/>.</summary>
    public static BigInteger Align(BigInteger code, int from, int fractionalBits) => code << (fractionalBits - from);

    /// <summary>-1, 0 or 1: the exact comparison of a · 2^-fa with b · 2^-fb.</summary>
    public static int Compare(BigInteger a, int fa, BigInteger b, int fb)
    {
        var f = Math.Max(fa, fb);
        return Align(a, fa, f).CompareTo(Align(b, fb, f));
    }

    /// <summary>Collects mismatches so one failing test reports many cases at once, up to a limit.</summary>
    internal sealed class Mismatches
    {
        private readonly StringBuilder text = new();
        private int count;

        public void Check<T>(T expected, T actual, Func<string> describe)
        {
            if (EqualityComparer<T>.Default.Equals(expected, actual))
            {
                return;
            }

            lock (text)
            {
                if (++count <= 25)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"{describe()}: expected {expected}, g++ gave {actual}");
                }
            }
        }

        public void AssertNone(int checkedCount)
        {
            Assert.True(checkedCount > 0, "nothing was checked");
            Assert.True(count == 0, $"{count} of {checkedCount} results differ from the model:\n{text}");
        }
    }
}
