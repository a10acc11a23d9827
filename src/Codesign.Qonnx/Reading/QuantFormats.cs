using System.Globalization;
using Codesign.Core.Numerics;

namespace Codesign.Qonnx.Reading;

/// <summary>
/// Whether a Quant node's parameters describe a <see cref="FixedPointFormat"/>: one power-of-two scale (the LSB), a
/// zero zero-point and at most 62 bits. On the data path the node must also round half to even over the full
/// range (narrow=0), because the IR's Quant does exactly that; on a constant (a weight or bias) the reader folds
/// the node itself, so any rounding mode and narrow range are fine there.
/// </summary>
internal static class QuantFormats
{
    public static FixedPointFormat? Analyze(LoadedNode node, OnnxTensor scale, OnnxTensor zeropt, int bits, QuantAttributes attributes, bool onData, List<string> reasons)
    {
        var label = node.Label;
        var before = reasons.Count;
        var quantized = node.InputAt(0);
        if (scale.Data.Distinct().Count() > 1)
        {
            reasons.Add($"{label}: per-channel scale on '{quantized}' ({scale.Size} values)");
        }
        else if (scale.Size == 0 || !IsPowerOfTwo(scale.Data[0]))
        {
            reasons.Add($"{label}: scale {(scale.Size == 0 ? "(empty)" : Format(scale.Data[0]))} is not a power of two");
        }

        if (zeropt.Data.Any(zero => zero != 0))
        {
            reasons.Add($"{label}: zero point {Format(zeropt.Data.First(zero => zero != 0))} is not 0");
        }

        if (attributes.IsBipolar(bits))
        {
            reasons.Add($"{label}: a signed 1-bit Quant is bipolar (±scale), not a fixed-point format");
        }
        else if (bits > 62)
        {
            reasons.Add($"{label}: bit width {bits} is more than the IR's 62");
        }

        if (onData && attributes.Narrow)
        {
            var (min, max) = attributes.Range(bits);
            reasons.Add(attributes.NarrowGiven
                ? $"{label}: narrow=1 (codes [{Format(min)}, {Format(max)}]) is not a fixed-point format; the IR needs narrow=0"
                : $"{label}: narrow is missing, which qonnx executes as narrow=1 (codes [{Format(min)}, {Format(max)}]); write narrow=0");
        }

        if (onData && attributes.Rounding != QuantRounding.HalfEven)
        {
            reasons.Add($"{label}: rounding_mode {attributes.RoundingName}; the IR rounds half to even (ROUND)");
        }

        if (reasons.Count > before)
        {
            return null;
        }

        // scale = 2^e is the LSB 2^-(W-I), so I = W + e.
        return new FixedPointFormat(attributes.Signed, bits, bits + Math.ILogB(scale.Data[0]));
    }

    public static bool IsPowerOfTwo(double value) =>
        double.IsFinite(value) && value > 0 && Math.ScaleB(1.0, Math.ILogB(value)) == value;

    /// <summary>Float32 values print in their shortest form (0.0123, not 0.012299999594688416).</summary>
    public static string Format(double value) =>
        (double)(float)value == value ? ((float)value).ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);
}
