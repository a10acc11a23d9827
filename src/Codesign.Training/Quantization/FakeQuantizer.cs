using Codesign.Core.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace Codesign.Training.Quantization;

/// <summary>
/// Fixed-point quantization inside the autograd graph. Forward: round half to even at the format's LSB
/// (torch.round rounds ties to even) and saturate, exactly as <see cref="FixedPointFormat.Quantize"/> does.
/// Backward: straight through, written as x + (q(x) - x).detach() so it also survives double backward.
/// </summary>
public static class FakeQuantizer
{
    public static Tensor Apply(Tensor x, FixedPointFormat format)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x + (Quantize(x.detach(), format) - x).detach();
    }

    /// <summary>The quantized values, without a gradient path. Scaling by a power of two is exact in float32.</summary>
    public static Tensor Quantize(Tensor x, FixedPointFormat format)
    {
        ArgumentNullException.ThrowIfNull(x);
        var scale = Math.ScaleB(1.0, format.FractionalBits);
        // "+ 0" turns the -0 that rounding a small negative number gives into +0, as an integer code has no sign.
        return ((x * scale).round().clamp(format.MinCode, format.MaxCode) / scale) + 0.0;
    }
}
