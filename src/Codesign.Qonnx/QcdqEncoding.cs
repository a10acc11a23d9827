using Codesign.Core.Numerics;
using Codesign.Qonnx.Onnx;

namespace Codesign.Qonnx;

/// <summary>
/// How the QCDQ writer expresses one fixed-point format with standard ONNX operators, chosen from its width alone.
/// </summary>
/// <remarks>
/// Activations (Quant nodes) need an integer type that QuantizeLinear can produce: int8/uint8 at any opset ≥ 13,
/// int16/uint16 only from opset 21. A format narrower than its element type also needs a Clip, because
/// QuantizeLinear saturates to the element type, not to the format. For int8/uint8 that is the usual integer Clip
/// between QuantizeLinear and DequantizeLinear. ONNX Runtime has no int16 Clip (1.31.1: "Could not find an
/// implementation for Where(16)"), so a 9–15-bit format clips the float32 value to [MinCode, MaxCode] × LSB before
/// QuantizeLinear instead. Both are exact: the bounds are codes times a power of two, and clamping before rounding
/// to nearest equals saturating after it, because rounding is monotone and the bounds lie on the grid.
/// Beyond 16 bits no QuantizeLinear output type fits, so 17–24-bit formats are rounded in float32 (Div, Round, Clip,
/// Mul); that is exact because the scale is a power of two and every code of at most 24 bits is a float32. Wider
/// formats cannot be exact in a float32 graph and are rejected. Weights and biases are constants: their element type
/// only has to hold their codes, so anything wider than 8 bits is stored as int32 (DequantizeLinear has accepted int32
/// since opset 10), which keeps low-precision models at opset 13.
/// </remarks>
internal sealed record QcdqEncoding(QcdqEncoding.Kind Form, TensorProto.Types.DataType ElementType, int ElementBits, bool IsSigned)
{
    /// <summary>The widest format float32 holds exactly: its codes have at most 24 significant bits.</summary>
    public const int MaxFloat32Bits = 24;

    public enum Kind
    {
        /// <summary>QuantizeLinear to <see cref="ElementType"/>, Clip when the format is narrower, DequantizeLinear.</summary>
        QuantizeLinear,

        /// <summary>Div by the scale, Round (half to even), Clip to the code range, Mul by the scale, all float32.</summary>
        Float32Rounding,
    }

    /// <summary>True when the element type only exists from opset 21 (IR 10) on.</summary>
    public bool NeedsOpset21 => Form == Kind.QuantizeLinear && ElementBits == 16;

    /// <summary>QuantizeLinear saturates to the element type; a narrower format needs a Clip to its own codes.</summary>
    public static bool NeedsClip(FixedPointFormat format, QcdqEncoding encoding) =>
        encoding.Form == Kind.QuantizeLinear && format.TotalBits < encoding.ElementBits;

    /// <summary>True when the Clip acts on the integer codes (int8/uint8), false when on the float32 value (16-bit).</summary>
    public bool ClipsCodes => ElementBits == 8;

    /// <summary>The form of a Quant node (an activation or the graph input) of <paramref name="format"/>.</summary>
    public static QcdqEncoding ForActivation(FixedPointFormat format, string tensor) => format.TotalBits switch
    {
        <= 8 => new(Kind.QuantizeLinear, format.IsSigned ? TensorProto.Types.DataType.Int8 : TensorProto.Types.DataType.Uint8, 8, format.IsSigned),
        <= 16 => new(Kind.QuantizeLinear, format.IsSigned ? TensorProto.Types.DataType.Int16 : TensorProto.Types.DataType.Uint16, 16, format.IsSigned),
        <= MaxFloat32Bits => new(Kind.Float32Rounding, TensorProto.Types.DataType.Float, 32, true),
        _ => throw new NotSupportedException($"'{tensor}' is {format}: more than {MaxFloat32Bits} bits has no exact float32 QCDQ form"),
    };

    /// <summary>The integer initializer type of a weight or bias of <paramref name="format"/>.</summary>
    public static QcdqEncoding ForParameter(FixedPointFormat format) => format.TotalBits switch
    {
        <= 8 => new(Kind.QuantizeLinear, format.IsSigned ? TensorProto.Types.DataType.Int8 : TensorProto.Types.DataType.Uint8, 8, format.IsSigned),
        _ => new(Kind.QuantizeLinear, TensorProto.Types.DataType.Int32, 32, true),
    };
}
