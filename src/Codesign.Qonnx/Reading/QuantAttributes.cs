using Codesign.Qonnx.Onnx;

namespace Codesign.Qonnx.Reading;

/// <summary>QONNX rounding modes (<c>resolve_rounding_mode</c> in qonnx' intquant.py), plus Brevitas' ROUND_TO_ZERO.</summary>
internal enum QuantRounding
{
    HalfEven,
    Ceil,
    Floor,
    AwayFromZero,
    TowardZero,
    HalfAwayFromZero,
    HalfTowardZero,
}

/// <summary>
/// The attributes of a QONNX Quant node and the integer range and rounding they select. Missing attributes take
/// the defaults qonnx' code executes with (signed=1, <b>narrow=1</b>, rounding_mode=ROUND), not the ones its doc
/// states (narrow=0), because the executor must compute what qonnx computes.
/// </summary>
internal sealed record QuantAttributes(bool Signed, bool Narrow, QuantRounding Rounding, string RoundingName, bool NarrowGiven)
{
    public const int MaxBitWidth = 64;

    public static QuantAttributes Read(LoadedNode node, OnnxDiagnostics diagnostics)
    {
        var signed = Flag(node, "signed", 1, diagnostics);
        var narrowGiven = node.Proto.Attribute.Any(attribute => attribute.Name == "narrow");
        var narrow = Flag(node, "narrow", 1, diagnostics);
        var name = OnnxAttributes.String(node, "rounding_mode", diagnostics) ?? "ROUND";
        var rounding = name.ToUpperInvariant() switch
        {
            "ROUND" or "HALF_EVEN" => QuantRounding.HalfEven,
            "CEIL" => QuantRounding.Ceil,
            "FLOOR" => QuantRounding.Floor,
            "UP" => QuantRounding.AwayFromZero,
            "DOWN" or "ROUND_TO_ZERO" => QuantRounding.TowardZero,
            "HALF_UP" => QuantRounding.HalfAwayFromZero,
            "HALF_DOWN" => QuantRounding.HalfTowardZero,
            _ => throw diagnostics.UnsupportedFeature($"{node.Label}: rounding_mode '{name}' is not one of ROUND, HALF_EVEN, CEIL, FLOOR, UP, DOWN, ROUND_TO_ZERO, HALF_UP, HALF_DOWN"),
        };
        return new QuantAttributes(signed, narrow, rounding, name, narrowGiven);
    }

    /// <summary>The bit width: a one-element tensor holding an integer from 1 to 64.</summary>
    public static int BitWidth(LoadedNode node, OnnxTensor bitwidth, OnnxDiagnostics diagnostics)
    {
        if (bitwidth.Size != 1)
        {
            throw diagnostics.Invalid($"{node.Label}: bit width '{node.InputAt(3)}' has shape {bitwidth.DescribeShape()}; a scalar is expected");
        }

        var value = bitwidth.Data[0];
        if (!(value >= 1 && value <= MaxBitWidth && value == Math.Floor(value)))
        {
            throw diagnostics.Invalid($"{node.Label}: bit width {value} is not an integer from 1 to {MaxBitWidth}");
        }

        return (int)value;
    }

    /// <summary>The integer range of QONNX's table: signed [-2^(b-1) (+1 if narrow), 2^(b-1)-1], unsigned [0, 2^b-1 (-1 if narrow)].</summary>
    public (double Min, double Max) Range(int bits)
    {
        if (Signed)
        {
            var half = Math.ScaleB(1.0, bits - 1);
            return (Narrow ? -half + 1 : -half, half - 1);
        }

        var full = Math.ScaleB(1.0, bits);
        return (0, Narrow ? full - 2 : full - 1);
    }

    /// <summary>Signed 1-bit Quant is executed as bipolar (±1), as qonnx does.</summary>
    public bool IsBipolar(int bits) => Signed && bits == 1;

    public double Round(double value) => Rounding switch
    {
        QuantRounding.HalfEven => Math.Round(value, MidpointRounding.ToEven),
        QuantRounding.Ceil => Math.Ceiling(value),
        QuantRounding.Floor => Math.Floor(value),
        QuantRounding.AwayFromZero => value < 0 ? -Math.Ceiling(-value) : Math.Ceiling(value),
        QuantRounding.TowardZero => Math.Truncate(value),
        QuantRounding.HalfAwayFromZero => Math.Round(value, MidpointRounding.AwayFromZero),
        _ => Math.Abs(value - Math.Truncate(value)) == 0.5 ? Math.Truncate(value) : Math.Round(value, MidpointRounding.AwayFromZero),
    };

    private static bool Flag(LoadedNode node, string name, long fallback, OnnxDiagnostics diagnostics)
    {
        var value = OnnxAttributes.Int(node, name, fallback, diagnostics);
        return value switch
        {
            0 => false,
            1 => true,
            _ => throw diagnostics.Invalid($"{node.Label}: attribute '{name}' is {value}; 0 or 1 is expected"),
        };
    }
}
