using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Qonnx.Execution;

/// <summary>Exact dense layer on integer codes: out[o] = bias[o] + Σ_i in[i] · w[i, o], no rounding anywhere.</summary>
internal static class DenseKernel
{
    public static long[] Run(DenseNode dense, FixedPointFormat inputFormat, long[] input, int rows)
    {
        var units = dense.Units;
        var (weights, biases) = AccumulatorFormat.OnAccumulatorGrid(inputFormat, dense.WeightFormat, dense.WeightCodes, dense.BiasFormat, dense.BiasCodes);
        var output = new long[(long)rows * units];
        for (var row = 0; row < rows; row++)
        {
            var accumulator = output.AsSpan(row * units, units);
            biases.CopyTo(accumulator);
            var x = input.AsSpan(row * dense.Inputs, dense.Inputs);
            for (var i = 0; i < x.Length; i++)
            {
                var value = x[i];
                if (value == 0)
                {
                    continue; // ReLU outputs are mostly zero; skipping them is exact.
                }

                var column = weights.AsSpan(i * units, units);
                for (var o = 0; o < units; o++)
                {
                    accumulator[o] += value * column[o];
                }
            }
        }

        return output;
    }
}
