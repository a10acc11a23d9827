using System.Globalization;
using Codesign.Core.Numerics;

namespace Codesign.Hls.Project;

/// <summary>The ap_fixed spelling of a <see cref="FixedPointFormat"/>.</summary>
internal static class CppTypes
{
    /// <summary>
    /// Lossless types (accumulators, weights, ReLU outputs) keep the default AP_TRN/AP_WRAP: nothing is ever rounded
    /// or clipped on assignment to them, and wrapping keeps sums exact in any order.
    /// </summary>
    public static string Plain(FixedPointFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"{Template(format)}<{format.TotalBits},{format.IntegerBits}>");

    /// <summary>
    /// The type a Quant node rounds into: half to even (AP_RND_CONV) then saturation (AP_SAT), the executor's
    /// <see cref="FixedPointRequantizer"/> and <see cref="FixedPointFormat.ToCode"/>.
    /// </summary>
    public static string Quantizing(FixedPointFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"{Template(format)}<{format.TotalBits},{format.IntegerBits},AP_RND_CONV,AP_SAT>");

    private static string Template(FixedPointFormat format) => format.IsSigned ? "ap_fixed" : "ap_ufixed";
}
