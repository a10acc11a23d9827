using System.Numerics;
using System.Runtime.CompilerServices;
using Codesign.Core.Numerics;

namespace Codesign.Qonnx.Execution;

/// <summary>One node of <see cref="Int32ChainExecutor"/>, applied to a block of rows of int32 codes.</summary>
internal abstract class ChainStep(int outputSize)
{
    /// <summary>Codes per row after this step.</summary>
    public int OutputSize { get; } = outputSize;

    /// <summary>Runs the step on <paramref name="rows"/> rows; returns false when it worked in place (or did nothing) and left <paramref name="output"/> alone.</summary>
    public abstract bool Apply(Span<int> input, Span<int> output, int rows);
}

/// <summary>Real inputs onto the input format: exactly <see cref="FixedPointFormat.ToCode"/>.</summary>
internal sealed class InputQuantStep(FixedPointFormat format, int size) : ChainStep(size)
{
    // Scaling a float by 2^f with |f| <= 60 is exact in double (no overflow, no subnormal), as Math.ScaleB is.
    private readonly double scale = Math.Abs(format.FractionalBits) <= 60 ? Math.ScaleB(1.0, format.FractionalBits) : double.NaN;

    public override bool Apply(Span<int> input, Span<int> output, int rows) => throw new InvalidOperationException("the input step takes real numbers");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Quantize(ReadOnlySpan<float> values, Span<int> codes)
    {
        var (min, max) = ((double)format.MinCode, (double)format.MaxCode);
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (double.IsNaN(scale) || float.IsNaN(value))
            {
                codes[i] = (int)format.ToCode(value); // the general rule (and its NaN error)
                continue;
            }

            var scaled = Math.Round(value * scale, MidpointRounding.ToEven);
            codes[i] = scaled <= min ? (int)min : scaled >= max ? (int)max : (int)scaled;
        }
    }
}

/// <summary>Codes from one grid onto a format: <see cref="FixedPointRequantizer.Requantize"/>, in place.</summary>
internal sealed class RequantStep(int fraction, FixedPointFormat target, int size) : ChainStep(size)
{
    private readonly int shift = fraction - target.FractionalBits;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Apply(Span<int> input, Span<int> output, int rows)
    {
        var (min, max) = (target.MinCode, target.MaxCode);
        if (shift is > 0 and < 32)
        {
            // Half to even without branches: (v + half - 1 + (bit above the cut)) >> shift. In 64 bits, so it cannot overflow.
            var bias = (1L << (shift - 1)) - 1;
            foreach (ref var code in input)
            {
                long value = code;
                code = (int)Math.Clamp((value + bias + ((value >> shift) & 1)) >> shift, min, max);
            }
        }
        else
        {
            foreach (ref var code in input)
            {
                code = (int)FixedPointRequantizer.Requantize(code, fraction, target);
            }
        }

        return false;
    }
}

internal sealed class ReluStep(int size) : ChainStep(size)
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Apply(Span<int> input, Span<int> output, int rows)
    {
        // Vectorized: half of the codes are negative, so a per-element branch would be mispredicted half the time.
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + Vector<int>.Count <= input.Length; i += Vector<int>.Count)
            {
                Vector.Max(new Vector<int>(input[i..]), Vector<int>.Zero).CopyTo(input[i..]);
            }
        }

        for (; i < input.Length; i++)
        {
            input[i] = Math.Max(input[i], 0);
        }

        return false;
    }
}

/// <summary>Rows are flat already: a reshape changes nothing.</summary>
internal sealed class ReshapeStep(int size) : ChainStep(size)
{
    public override bool Apply(Span<int> input, Span<int> output, int rows) => false;
}
