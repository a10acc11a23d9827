using Codesign.Core.Numerics;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;

namespace Codesign.Qonnx;

/// <summary>
/// Runs a <see cref="QuantizedModel"/> in exact integer arithmetic with the semantics of the HLS implementation:
/// inputs quantized to their format, products accumulated losslessly in 64-bit integers on the grid
/// input LSB × weight LSB (where the biases already sit), ReLU, then each layer output rounded half to even and
/// saturated to its format. This is the reference the C-simulation and later the RTL are checked against.
/// </summary>
public static class IntegerExecutor
{
    /// <summary>Output codes for each row of <paramref name="features"/> (row-major, rows x inputs).</summary>
    public static long[] RunCodes(QuantizedModel model, ReadOnlySpan<float> features, int rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        var inputs = model.Layers[0].Inputs;
        if (features.Length != rows * inputs)
        {
            throw new ArgumentException($"expected {rows * inputs} feature values for {rows} rows of {inputs}, got {features.Length}", nameof(features));
        }

        var codes = new long[features.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = model.InputFormat.ToCode(features[i]);
        }

        var format = model.InputFormat;
        foreach (var layer in model.Layers)
        {
            codes = Dense(layer, codes, rows, format);
            format = layer.OutputFormat;
        }

        return codes;
    }

    /// <summary>Output values (code × LSB) for each row, as floats.</summary>
    public static float[] Run(QuantizedModel model, ReadOnlySpan<float> features, int rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        var codes = RunCodes(model, features, rows);
        var output = model.OutputFormat;
        return codes.Select(code => (float)output.FromCode(code)).ToArray();
    }

    private static long[] Dense(QuantizedLayer layer, long[] input, int rows, FixedPointFormat inputFormat)
    {
        var weights = layer.Weights.Select(w => layer.WeightFormat.ToCode(w)).ToArray();
        var accumulatorFraction = inputFormat.FractionalBits + layer.WeightFormat.FractionalBits;
        if (layer.BiasFormat.FractionalBits != accumulatorFraction)
        {
            throw new InvalidOperationException($"layer '{layer.Name}': the bias format {layer.BiasFormat} is not on the accumulator grid (2^-{accumulatorFraction})");
        }

        var biases = layer.Biases.Select(b => layer.BiasFormat.ToCode(b)).ToArray();
        var output = new long[rows * layer.Units];
        for (var row = 0; row < rows; row++)
        {
            for (var unit = 0; unit < layer.Units; unit++)
            {
                var accumulator = biases[unit];
                for (var i = 0; i < layer.Inputs; i++)
                {
                    accumulator += input[(row * layer.Inputs) + i] * weights[(unit * layer.Inputs) + i];
                }

                if (layer.Activation == Activation.Relu && accumulator < 0)
                {
                    accumulator = 0;
                }

                output[(row * layer.Units) + unit] = Requantize(accumulator, accumulatorFraction, layer.OutputFormat);
            }
        }

        return output;
    }

    /// <summary>A code with <paramref name="fraction"/> fractional bits, rounded half to even to the target's grid and saturated.</summary>
    public static long Requantize(long value, int fraction, FixedPointFormat target)
    {
        var shift = fraction - target.FractionalBits;
        long code;
        if (shift <= 0)
        {
            code = shift < -62 ? (value == 0 ? 0 : value > 0 ? long.MaxValue : long.MinValue) : SaturatingShiftLeft(value, -shift);
        }
        else if (shift > 62)
        {
            code = 0;
        }
        else
        {
            var floor = value >> shift; // arithmetic shift: floor division by 2^shift
            var remainder = value - (floor << shift);
            var half = 1L << (shift - 1);
            code = remainder > half || (remainder == half && (floor & 1) != 0) ? floor + 1 : floor;
        }

        return Math.Clamp(code, target.MinCode, target.MaxCode);
    }

    private static long SaturatingShiftLeft(long value, int shift)
    {
        if (shift == 0)
        {
            return value;
        }

        var limit = long.MaxValue >> shift;
        return value > limit ? long.MaxValue : value < -limit ? long.MinValue : value << shift;
    }
}
