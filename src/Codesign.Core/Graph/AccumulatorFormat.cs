using Codesign.Core.Numerics;

namespace Codesign.Core.Graph;

/// <summary>
/// The lossless accumulator of a dense or convolution layer: signed, on the finer of the product grid (input LSB ×
/// weight LSB) and the bias grid, and just
/// wide enough for the largest sum the actual weights can produce from any input of the input format (bias
/// included). Every partial sum is bounded by the same extremes, so accumulating in this type never overflows in
/// any order; it is never wider than hls4ml's rule W_in + W_w + ceil(log2 n) (+1 with a bias), often narrower.
/// </summary>
public static class AccumulatorFormat
{
    public const int MaxBits = 62;

    /// <summary>Fractional bits of the accumulator: the product grid, or the bias grid where that is finer.</summary>
    public static int FractionalBits(FixedPointFormat input, FixedPointFormat weight, FixedPointFormat bias) =>
        Math.Max(input.FractionalBits + weight.FractionalBits, bias.FractionalBits);

    /// <summary>
    /// Weight and bias codes moved onto the accumulator grid (exact left shifts), so a kernel only multiplies and adds:
    /// acc = bias' + Σ x · w' with x the input codes.
    /// </summary>
    public static (long[] Weights, long[] Biases) OnAccumulatorGrid(FixedPointFormat input, FixedPointFormat weight, long[] weightCodes, FixedPointFormat bias, long[] biasCodes)
    {
        var fraction = FractionalBits(input, weight, bias);
        var weightShift = fraction - (input.FractionalBits + weight.FractionalBits);
        var biasShift = fraction - bias.FractionalBits;
        return (
            weightShift == 0 ? weightCodes : weightCodes.Select(w => w << weightShift).ToArray(),
            biasShift == 0 ? biasCodes : biasCodes.Select(b => b << biasShift).ToArray());
    }

    /// <param name="weightCodes">Weights as <c>[fanIn, outputs]</c>, input-major.</param>
    public static FixedPointFormat For(FixedPointFormat input, FixedPointFormat weight, long[] rawWeightCodes, FixedPointFormat bias, long[] rawBiasCodes, int outputs, string layerName)
    {
        var fraction = FractionalBits(input, weight, bias);
        if (fraction - Math.Min(input.FractionalBits + weight.FractionalBits, bias.FractionalBits) + Math.Max(weight.TotalBits, bias.TotalBits) > MaxBits)
        {
            throw new InvalidGraphException($"layer '{layerName}': the bias grid ({bias}) and the product grid ({input} × {weight}) are too far apart for a {MaxBits}-bit accumulator");
        }

        var (weightCodes, biasCodes) = OnAccumulatorGrid(input, weight, rawWeightCodes, bias, rawBiasCodes);
        var fanIn = weightCodes.Length / outputs;
        Int128 lowest = 0;
        Int128 highest = 0;
        for (var o = 0; o < outputs; o++)
        {
            Int128 low = biasCodes[o];
            Int128 high = biasCodes[o];
            for (var i = 0; i < fanIn; i++)
            {
                var w = weightCodes[(i * outputs) + o];
                Int128 a = (Int128)input.MinCode * w;
                Int128 b = (Int128)input.MaxCode * w;
                low += Int128.Min(Int128.Min(a, b), 0);
                high += Int128.Max(Int128.Max(a, b), 0);
            }

            lowest = Int128.Min(lowest, low);
            highest = Int128.Max(highest, high);
        }

        var bits = 2;
        while (lowest < -(Int128.One << (bits - 1)) || highest > (Int128.One << (bits - 1)) - 1)
        {
            bits++;
            if (bits > MaxBits)
            {
                throw new InvalidGraphException($"layer '{layerName}': its accumulator needs more than {MaxBits} bits ({input} inputs × {weight} weights over a fan-in of {fanIn})");
            }
        }

        return new FixedPointFormat(true, bits, bits - fraction);
    }
}
