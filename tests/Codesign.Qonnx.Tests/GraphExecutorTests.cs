using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;
using Codesign.Qonnx.Execution;

namespace Codesign.Qonnx.Tests;

public class GraphExecutorTests
{
    [Theory]
    [InlineData(5, 1, 2)]    // 2.5 -> 2 (tie to even)
    [InlineData(7, 1, 4)]    // 3.5 -> 4 (tie to even)
    [InlineData(-5, 1, -2)]  // -2.5 -> -2
    [InlineData(-7, 1, -4)]  // -3.5 -> -4
    [InlineData(-6, 2, -2)]  // -1.5 -> -2
    [InlineData(11, 2, 3)]   // 2.75 -> 3
    [InlineData(9, 2, 2)]    // 2.25 -> 2
    [InlineData(1000, 0, 127)] // saturates
    [InlineData(-1000, 0, -128)]
    public void Requantize_rounds_half_to_even_then_saturates(long value, int droppedBits, long expected)
    {
        var target = new FixedPointFormat(true, 8, 8);
        Assert.Equal(expected, FixedPointRequantizer.Requantize(value, droppedBits, target));
    }

    [Fact]
    public void Requantize_shifts_left_exactly_when_the_target_is_finer()
    {
        Assert.Equal(12, FixedPointRequantizer.Requantize(3, 0, new FixedPointFormat(true, 8, 6)));
    }

    [Fact]
    public void Matches_a_double_precision_reference_on_random_inputs()
    {
        var model = SmallModel();
        var random = new Random(7);
        var rows = 5000;
        var features = Enumerable.Range(0, rows * 3).Select(_ => (float)((random.NextDouble() * 8) - 4)).ToArray();

        var codes = GraphExecutor.RunCodes(QuantizedModelGraph.Build(model, "small"), features, rows);

        for (var row = 0; row < rows; row++)
        {
            var expected = Reference(model, features.AsSpan(row * 3, 3));
            for (var o = 0; o < 2; o++)
            {
                Assert.Equal(model.OutputFormat.ToCode(expected[o]), codes[(row * 2) + o]);
            }
        }
    }

    /// <summary>Every value here is small enough that double arithmetic is exact, so this is an independent check.</summary>
    private static double[] Reference(QuantizedModel model, ReadOnlySpan<float> input)
    {
        var x = input.ToArray().Select(v => model.InputFormat.Quantize(v)).ToArray();
        foreach (var layer in model.Layers)
        {
            var y = new double[layer.Units];
            for (var o = 0; o < layer.Units; o++)
            {
                var sum = (double)layer.Biases[o];
                for (var i = 0; i < layer.Inputs; i++)
                {
                    sum += x[i] * layer.Weights[(o * layer.Inputs) + i];
                }

                y[o] = layer.OutputFormat.Quantize(layer.Activation == Activation.Relu ? Math.Max(sum, 0) : sum);
            }

            x = y;
        }

        return x;
    }

    private static QuantizedModel SmallModel()
    {
        var input = new FixedPointFormat(true, 8, 3);
        var w1 = new FixedPointFormat(true, 4, 1);
        var a1 = new FixedPointFormat(false, 6, 3);
        var w2 = new FixedPointFormat(true, 5, 1);
        var output = new FixedPointFormat(true, 10, 5);
        float[] weights1 = [0.5f, -0.25f, 0.875f, -1f, 0.125f, 0.375f];
        float[] weights2 = [0.5625f, -0.9375f, -0.3125f, 0.75f];
        return new QuantizedModel(input,
        [
            new QuantizedLayer("dense_1", 3, 2, Activation.Relu, w1, weights1, new FixedPointFormat(true, 12, 4), [0.0390625f, -0.5f], a1),
            new QuantizedLayer("dense_2", 2, 2, Activation.None, w2, weights2, new FixedPointFormat(true, 12, 5), [0.1875f, -0.0625f], output),
        ]);
    }
}
