using Codesign.Core.Numerics;

namespace Codesign.Precision;

/// <summary>
/// HAWQ-V3's second-order sensitivity of a layer to b-bit weights:
/// Ω(b) = (Tr(H) / n) · ‖Q_b(W) − W‖², the average Hessian trace times the squared quantization perturbation.
/// Summed over layers it approximates the loss increase a bit configuration causes, which is what the allocator
/// minimises.
/// </summary>
public static class LayerSensitivity
{
    /// <summary>Ω of <paramref name="layer"/> at <paramref name="bits"/>-bit weights.</summary>
    public static double Omega(LayerDescription layer, int bits)
    {
        ArgumentNullException.ThrowIfNull(layer);
        // Hutchinson's estimate can come out slightly negative for a nearly flat layer; a negative weight would
        // reward quantization error, so such a layer counts as insensitive instead.
        var averageTrace = Math.Max(0.0, layer.HessianTrace) / layer.ParameterCount;
        return averageTrace * QuantizationError(layer.Weights, bits);
    }

    /// <summary>
    /// ‖Q_b(W) − W‖² in double, where Q_b is the quantizer the hardware will use: the per-tensor power-of-two
    /// format sized for max|W| at b bits (<see cref="FixedPointFormat.SignedForRange"/>), rounding half to even
    /// and saturating. The authors' notebook measured this on a grid that was not scaled to the weights'
    /// range (q ∈ [−2^b, 2^b−1], step ≈ 2), so its "perturbation" was about ‖W‖² whatever b was and the
    /// sensitivities could not tell widths apart; here the grid is the real one.
    /// </summary>
    public static double QuantizationError(ReadOnlySpan<float> weights, int bits)
    {
        var maxAbs = 0.0;
        foreach (var w in weights)
        {
            maxAbs = Math.Max(maxAbs, Math.Abs((double)w));
        }

        var format = FixedPointFormat.SignedForRange(maxAbs, bits);
        var sum = 0.0;
        foreach (var w in weights)
        {
            var error = format.Quantize(w) - w;
            sum += error * error;
        }

        return sum;
    }
}
