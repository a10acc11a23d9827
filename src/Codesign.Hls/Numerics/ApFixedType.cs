using System.Globalization;
using System.Numerics;

namespace Codesign.Hls.Numerics;

/// <summary>
/// An <c>ap_fixed&lt;W,I,Q,O&gt;</c> / <c>ap_ufixed</c> type (<c>ap_int&lt;W&gt;</c> is <c>ap_fixed&lt;W,W&gt;</c>): W bits of
/// which I are integer bits including the sign, so a value is its integer code times 2^-(W-I). I may be negative or
/// exceed W.
/// </summary>
/// <remarks>
/// Limited to what our C-simulation headers implement: 1 ≤ W ≤ <see cref="MaxWidth"/> and no AP_WRAP_SM; the
/// saturation-bit count N of <c>ap_fixed&lt;W,I,Q,O,N&gt;</c> is always 0. Immutable and equatable, so it can sit in the IR.
/// </remarks>
public sealed record ApFixedType
{
    /// <summary>The widest type the headers store (one unsigned __int128).</summary>
    public const int MaxWidth = 128;

    public ApFixedType(
        bool isSigned,
        int width,
        int integerBits,
        ApQuantizationMode quantization = ApQuantizationMode.Trn,
        ApOverflowMode overflow = ApOverflowMode.Wrap)
    {
        if (width is < 1 or > MaxWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"ap types hold 1 to {MaxWidth} bits");
        }

        if (!Enum.IsDefined(quantization))
        {
            throw new ArgumentOutOfRangeException(nameof(quantization), quantization, "unknown quantization mode");
        }

        if (!Enum.IsDefined(overflow) || overflow == ApOverflowMode.WrapSm)
        {
            throw new ArgumentOutOfRangeException(nameof(overflow), overflow, "supported overflow modes: AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP");
        }

        IsSigned = isSigned;
        Width = width;
        IntegerBits = integerBits;
        Quantization = quantization;
        Overflow = overflow;
    }

    public bool IsSigned { get; }

    public int Width { get; }

    public int IntegerBits { get; }

    public ApQuantizationMode Quantization { get; }

    public ApOverflowMode Overflow { get; }

    public int FractionalBits => Width - IntegerBits;

    public BigInteger MinCode => IsSigned ? -(BigInteger.One << (Width - 1)) : BigInteger.Zero;

    public BigInteger MaxCode => IsSigned ? (BigInteger.One << (Width - 1)) - 1 : (BigInteger.One << Width) - 1;

    public static ApFixedType Fixed(int width, int integerBits, ApQuantizationMode quantization = ApQuantizationMode.Trn, ApOverflowMode overflow = ApOverflowMode.Wrap) =>
        new(true, width, integerBits, quantization, overflow);

    public static ApFixedType UFixed(int width, int integerBits, ApQuantizationMode quantization = ApQuantizationMode.Trn, ApOverflowMode overflow = ApOverflowMode.Wrap) =>
        new(false, width, integerBits, quantization, overflow);

    public static ApFixedType ApInt(int width) => new(true, width, width);

    public static ApFixedType ApUInt(int width) => new(false, width, width);

    /// <summary>The type a C integer operand behaves as: <c>ap_fixed&lt;N,N&gt;</c> of its size (bool: 1 bit) and signedness.</summary>
    public static ApFixedType ForCInteger(int bits, bool isSigned) => new(isSigned, bits, bits);

    /// <summary>The same shape with other modes: the target of an assignment.</summary>
    public ApFixedType WithModes(ApQuantizationMode quantization, ApOverflowMode overflow) =>
        new(IsSigned, Width, IntegerBits, quantization, overflow);

    /// <summary>
    /// The C++ spelling: <c>ap_int&lt;8&gt;</c>, <c>ap_ufixed&lt;6,2&gt;</c>, <c>ap_fixed&lt;16,6,AP_RND_CONV,AP_SAT&gt;</c>. Modes
    /// are written only when they differ from AP_TRN / AP_WRAP, as hls4ml does.
    /// </summary>
    public string ToCppType()
    {
        var defaults = Quantization == ApQuantizationMode.Trn && Overflow == ApOverflowMode.Wrap;
        if (defaults && Width == IntegerBits)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(IsSigned ? "ap_int" : "ap_uint")}<{Width}>");
        }

        var modes = defaults ? string.Empty : $",{CppName(Quantization)},{CppName(Overflow)}";
        return string.Create(CultureInfo.InvariantCulture, $"{(IsSigned ? "ap_fixed" : "ap_ufixed")}<{Width},{IntegerBits}{modes}>");
    }

    public override string ToString() => ToCppType();

    public static string CppName(ApQuantizationMode mode) => mode switch
    {
        ApQuantizationMode.Rnd => "AP_RND",
        ApQuantizationMode.RndZero => "AP_RND_ZERO",
        ApQuantizationMode.RndMinInf => "AP_RND_MIN_INF",
        ApQuantizationMode.RndInf => "AP_RND_INF",
        ApQuantizationMode.RndConv => "AP_RND_CONV",
        ApQuantizationMode.Trn => "AP_TRN",
        ApQuantizationMode.TrnZero => "AP_TRN_ZERO",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown quantization mode"),
    };

    public static string CppName(ApOverflowMode mode) => mode switch
    {
        ApOverflowMode.Sat => "AP_SAT",
        ApOverflowMode.SatZero => "AP_SAT_ZERO",
        ApOverflowMode.SatSym => "AP_SAT_SYM",
        ApOverflowMode.Wrap => "AP_WRAP",
        ApOverflowMode.WrapSm => "AP_WRAP_SM",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown overflow mode"),
    };
}
