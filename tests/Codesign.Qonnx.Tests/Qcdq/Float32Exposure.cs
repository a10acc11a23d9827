using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Qonnx.Tests.Qcdq;

/// <summary>
/// Where a float32 run of a QCDQ model may leave the exact integer result, and by how much.
/// </summary>
/// <remarks>
/// Why a layer differs by at most one output LSB. Count in accumulator LSBs: every term of a layer's sum (each x·w
/// and the bias) is then an integer, and float32 holds every integer up to 2^24. ONNX Runtime adds the n = fan-in
/// products and the bias in float32 in some order; for any order the error of such a sum is at most
/// |E| ≤ γ(n+1)·M, with M = |b| + Σ|x·w|, γ(k) = k·u / (1 − k·u) and u = 2^-24 (Higham, "Accuracy and Stability of
/// Numerical Algorithms", §3.1; an FMA only removes roundings). When M ≤ 2^24 no partial sum can round at all, so
/// E = 0 (see QcdqAccumulation). The Quant after the layer maps the accumulator a to round(a / L), L being one output
/// LSB in accumulator LSBs, then saturates. Since |round(z) − z| ≤ 1/2, |round((a + E) / L) − round(a / L)| ≤ |E| / L + 1,
/// an integer, hence at most 1 when |E| &lt; L; ReLU before the Quant and saturation after it never widen a
/// difference, and QuantizeLinear/DequantizeLinear of a power-of-two scale are exact. So, given the same input codes,
/// a layer's output codes are identical where M ≤ 2^24 and differ by at most one LSB elsewhere, provided the worst
/// case γ(n+1)·max M stays below L.
/// </remarks>
internal static class Float32Exposure
{
    private const double UnitRoundoff = 1.0 / (1 << 24);

    /// <summary>Each Dense layer with the nodes up to its Quant, as a graph of its own whose input Quant is exact for its input codes.</summary>
    public static IEnumerable<(DenseNode Layer, QuantizedGraph Slice)> DenseSlices(QuantizedGraph graph)
    {
        var nodes = graph.Nodes.ToList();
        for (var start = 0; start < nodes.Count; start++)
        {
            if (nodes[start] is not DenseNode dense)
            {
                continue;
            }

            var end = nodes.FindIndex(start, node => node is QuantNode);
            var source = graph.InputOf(dense);
            var input = new GraphTensor("layer_in", source.Shape, null);
            List<GraphNode> slice = [new QuantNode("layer_in_quant", input.Name, dense.Input, source.Format!.Value), .. nodes.GetRange(start, end - start + 1)];
            yield return (dense, new QuantizedGraph(dense.Name + "_slice", input, slice, nodes[end].Output));
        }
    }

    /// <summary>Per sample: true when some output's M = |b| + Σ|x·w| exceeds 2^24 accumulator LSBs, so float32 may round.</summary>
    public static bool[] MayRound(QuantizedGraph graph, DenseNode dense, long[] inputCodes, int rows)
    {
        var (weights, biases) = AccumulatorFormat.OnAccumulatorGrid(graph.InputOf(dense).Format!.Value, dense.WeightFormat, dense.WeightCodes, dense.BiasFormat, dense.BiasCodes);
        var flags = new bool[rows];
        for (var row = 0; row < rows; row++)
        {
            var x = inputCodes.AsSpan(row * dense.Inputs, dense.Inputs);
            for (var o = 0; o < dense.Units && !flags[row]; o++)
            {
                Int128 magnitude = Math.Abs(biases[o]);
                for (var i = 0; i < dense.Inputs; i++)
                {
                    magnitude += (Int128)Math.Abs(x[i]) * Math.Abs(weights[(i * dense.Units) + o]);
                }

                flags[row] = magnitude > QcdqAccumulation.ExactLimit;
            }
        }

        return flags;
    }

    /// <summary>The worst float32 error γ(n+1)·max M of the layer, divided by one LSB of the Quant that follows it.</summary>
    public static double WorstErrorInOutputLsbs(QuantizedGraph graph, DenseNode dense, FixedPointFormat output)
    {
        var input = graph.InputOf(dense).Format!.Value;
        var worst = (double)QcdqAccumulation.WorstCaseMagnitude(input, dense.WeightFormat, dense.WeightCodes, dense.BiasFormat, dense.BiasCodes, dense.Units);
        if (worst <= QcdqAccumulation.ExactLimit)
        {
            return 0;
        }

        var terms = dense.Inputs + 1;
        var gamma = terms * UnitRoundoff / (1 - (terms * UnitRoundoff));
        var accumulatorFraction = graph.OutputOf(dense).Format!.Value.FractionalBits;
        return gamma * worst / Math.ScaleB(1.0, accumulatorFraction - output.FractionalBits);
    }

    public static long[] Codes(float[] values, FixedPointFormat format) => values.Select(value => format.ToCode(value)).ToArray();
}
