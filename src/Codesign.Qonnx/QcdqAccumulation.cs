using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Qonnx;

/// <summary>
/// When a float32 MatMul/Conv plus bias, as the QCDQ model computes a layer, is exact for every input of the layer's
/// input format, whatever order the runtime sums in.
/// </summary>
/// <remarks>
/// Every term (each product x·w and the bias) is a multiple of the accumulator LSB (<see cref="AccumulatorFormat"/>), so
/// every partial sum a runtime can form, in any order, with or without the bias, is too, and its magnitude is at most
/// M = |b| + Σ|x|·|w|. An integer of at most 2^24 times a power of two is a float32, so when M ≤ 2^24 LSBs no sum is
/// ever rounded and the float32 layer equals the integer one. Above that a float32 sum can lose low bits.
/// </remarks>
internal static class QcdqAccumulation
{
    /// <summary>The largest multiple of one LSB that float32 always holds exactly: 2^24.</summary>
    public const long ExactLimit = 1L << 24;

    /// <summary>
    /// max over outputs of |b| + Σ_i max|x|·|w_i|, in accumulator LSBs, for x anywhere in <paramref name="input"/>.
    /// Weights are fan-in-major (<c>w[i * outputs + o]</c>): Dense's input-major and Conv2d's HWIO layouts both are.
    /// </summary>
    public static Int128 WorstCaseMagnitude(FixedPointFormat input, FixedPointFormat weight, long[] weightCodes, FixedPointFormat bias, long[] biasCodes, int outputs)
    {
        var (weights, biases) = AccumulatorFormat.OnAccumulatorGrid(input, weight, weightCodes, bias, biasCodes);
        var largestInput = Math.Max(-input.MinCode, input.MaxCode);
        Int128 worst = 0;
        for (var o = 0; o < outputs; o++)
        {
            Int128 sum = Math.Abs(biases[o]);
            for (var i = o; i < weights.Length; i += outputs)
            {
                sum += (Int128)largestInput * Math.Abs(weights[i]);
            }

            worst = Int128.Max(worst, sum);
        }

        return worst;
    }

    /// <summary>True when float32 computes <paramref name="node"/> (Dense or Conv2d) exactly for every input.</summary>
    public static bool IsExact(QuantizedGraph graph, GraphNode node)
    {
        var input = graph.InputOf(node).Format!.Value;
        var magnitude = node switch
        {
            DenseNode dense => WorstCaseMagnitude(input, dense.WeightFormat, dense.WeightCodes, dense.BiasFormat, dense.BiasCodes, dense.Units),
            Conv2dNode conv => WorstCaseMagnitude(input, conv.WeightFormat, conv.WeightCodes, conv.BiasFormat, conv.BiasCodes, conv.Geometry.OutChannels),
            _ => throw new ArgumentException($"node '{node.Name}' does not accumulate", nameof(node)),
        };

        // The LSB itself must be a normal float32 for "2^24 LSBs" to mean 24 significant bits.
        return magnitude <= ExactLimit && graph.OutputOf(node).Format!.Value.FractionalBits <= 126;
    }
}
