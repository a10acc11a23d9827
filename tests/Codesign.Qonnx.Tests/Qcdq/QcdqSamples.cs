using Codesign.Core.Numerics;

namespace Codesign.Qonnx.Tests.Qcdq;

/// <summary>Inputs that stress rounding: every value is a multiple of half an LSB, so about half are exact ties.</summary>
internal static class QcdqSamples
{
    /// <summary>
    /// <paramref name="rows"/> × <paramref name="size"/> values of the form k · LSB/2: 60% typical (|x| &lt; 4), 25%
    /// anywhere in the format's range, 15% beyond it by up to 3 ranges, so the input Quant saturates.
    /// </summary>
    public static float[] HalfLsbGrid(FixedPointFormat format, int rows, int size, int seed)
    {
        var random = new Random(seed);
        var halfLsb = format.Lsb / 2;
        var range = Math.Max(-format.MinValue, format.MaxValue + format.Lsb);
        var values = new float[rows * size];
        for (var i = 0; i < values.Length; i++)
        {
            var draw = random.NextDouble();
            var limit = draw < 0.60 ? Math.Min(4, range) : draw < 0.85 ? range : 4 * range;
            var steps = (long)(limit / halfLsb);
            var k = random.NextInt64(-steps, steps + 1);
            if (draw >= 0.85 && Math.Abs(k * halfLsb) < range)
            {
                k += Math.Sign(k == 0 ? 1 : k) * (long)(range / halfLsb); // push it past the range
            }

            values[i] = (float)(k * halfLsb);
        }

        return values;
    }
}
