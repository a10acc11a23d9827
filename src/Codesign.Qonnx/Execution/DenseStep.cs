using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Qonnx.Execution;

/// <summary>
/// <see cref="DenseKernel"/> in int32: per row, the accumulators start at the biases and each non-zero input x adds
/// x · w'[i, ·] to all of them, <c>Vector&lt;int&gt;.Count</c> outputs per instruction, with up to four vectors of
/// accumulators kept in registers. Weights stay input-major, so that row of weights is contiguous. Exact when the accumulator format has at most 31 bits (the caller checks):
/// the final sums and every partial sum fit, and int32 arithmetic wraps modulo 2^32, so even a product that alone
/// would not fit leaves the exact sum.
/// </summary>
internal sealed class DenseStep : ChainStep
{
    private readonly int inputs;
    private readonly int units;
    private readonly int[] weights;
    private readonly int[] biases;

    private DenseStep(int inputs, int units, int[] weights, int[] biases)
        : base(units)
    {
        this.inputs = inputs;
        this.units = units;
        this.weights = weights;
        this.biases = biases;
    }

    /// <summary>The step, or null when a shifted weight or bias code does not fit in 31 bits.</summary>
    public static DenseStep? TryCreate(DenseNode dense, FixedPointFormat inputFormat)
    {
        var (weights, biases) = AccumulatorFormat.OnAccumulatorGrid(inputFormat, dense.WeightFormat, dense.WeightCodes, dense.BiasFormat, dense.BiasCodes);
        var narrowWeights = Narrow(weights);
        var narrowBiases = Narrow(biases);
        return narrowWeights is null || narrowBiases is null ? null : new DenseStep(dense.Inputs, dense.Units, narrowWeights, narrowBiases);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Apply(Span<int> input, Span<int> output, int rows)
    {
        var offsets = new int[inputs];
        var values = new int[inputs];
        for (var row = 0; row < rows; row++)
        {
            // The non-zero inputs (ReLU outputs are mostly zero; skipping them is exact), gathered without a branch.
            var x = input.Slice(row * inputs, inputs);
            var count = 0;
            for (var i = 0; i < x.Length; i++)
            {
                offsets[count] = i * units;
                values[count] = x[i];
                count += x[i] != 0 ? 1 : 0;
            }

            Accumulate(output.Slice(row * units, units), offsets.AsSpan(0, count), values.AsSpan(0, count));
        }

        return true;
    }

    /// <summary>
    /// accumulator[o] = bias[o] + Σ_k values[k] · w'[offsets[k] + o]: four vectors of outputs at a time held in
    /// registers across all inputs, then single vectors, then the scalar tail.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Accumulate(Span<int> accumulator, ReadOnlySpan<int> offsets, ReadOnlySpan<int> values)
    {
        ref var w = ref MemoryMarshal.GetArrayDataReference(weights);
        ref var b = ref MemoryMarshal.GetArrayDataReference(biases);
        ref var sum = ref MemoryMarshal.GetReference(accumulator);
        var width = Vector<int>.Count;
        var o = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; o + (4 * width) <= units; o += 4 * width)
            {
                var (a0, a1, a2, a3) = (Load(ref b, o), Load(ref b, o + width), Load(ref b, o + (2 * width)), Load(ref b, o + (3 * width)));
                for (var k = 0; k < offsets.Length; k++)
                {
                    var scale = new Vector<int>(values[k]);
                    var at = offsets[k] + o;
                    a0 += scale * Load(ref w, at);
                    a1 += scale * Load(ref w, at + width);
                    a2 += scale * Load(ref w, at + (2 * width));
                    a3 += scale * Load(ref w, at + (3 * width));
                }

                a0.StoreUnsafe(ref sum, (nuint)o);
                a1.StoreUnsafe(ref sum, (nuint)(o + width));
                a2.StoreUnsafe(ref sum, (nuint)(o + (2 * width)));
                a3.StoreUnsafe(ref sum, (nuint)(o + (3 * width)));
            }

            for (; o + width <= units; o += width)
            {
                var a = Load(ref b, o);
                for (var k = 0; k < offsets.Length; k++)
                {
                    a += new Vector<int>(values[k]) * Load(ref w, offsets[k] + o);
                }

                a.StoreUnsafe(ref sum, (nuint)o);
            }
        }

        for (; o < units; o++)
        {
            var a = Unsafe.Add(ref b, o);
            for (var k = 0; k < offsets.Length; k++)
            {
                a += values[k] * Unsafe.Add(ref w, offsets[k] + o);
            }

            Unsafe.Add(ref sum, o) = a;
        }
    }

    private static Vector<int> Load(ref int start, int offset) => Vector.LoadUnsafe(ref start, (nuint)offset);

    private static int[]? Narrow(long[] codes)
    {
        var narrow = new int[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] is < -(1L << 30) or >= 1L << 30)
            {
                return null;
            }

            narrow[i] = (int)codes[i];
        }

        return narrow;
    }
}
