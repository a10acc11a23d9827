using Codesign.Core.Numerics;
using Codesign.Training.Quantization;
using TorchSharp;

namespace Codesign.Training.Tests.Quantization;

public class FakeQuantizerTests
{
    [Fact]
    public void Matches_the_reference_quantizer_bit_for_bit_including_ties_and_saturation()
    {
        var format = new FixedPointFormat(true, 6, 2); // LSB 1/16, range [-2, 2 - 1/16]
        var values = new List<float> { 0.5f / 16, 1.5f / 16, 2.5f / 16, -0.5f / 16, -1.5f / 16, 1.99f, 2.5f, -2.03f, -2.5f, 100f, 0f };
        var random = new Random(3);
        values.AddRange(Enumerable.Range(0, 2000).Select(_ => (float)((random.NextDouble() * 6) - 3)));

        using var input = torch.tensor(values.ToArray());
        using var quantized = FakeQuantizer.Quantize(input, format);

        var expected = values.Select(v => (float)format.Quantize(v)).ToArray();
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), quantized.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Gradient_passes_straight_through()
    {
        using var x = torch.tensor(new[] { 0.3f, -1.7f, 5f }, requires_grad: true);
        using var y = FakeQuantizer.Apply(x, new FixedPointFormat(true, 4, 2)).sum();

        y.backward();

        Assert.Equal([1f, 1f, 1f], x.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Activation_range_follows_a_moving_average_until_frozen()
    {
        var range = new ActivationRange(0.5);
        range.Observe(4);
        range.Observe(2);
        Assert.Equal(3, range.Value);
        range.Frozen = true;
        range.Observe(100);
        Assert.Equal(3, range.Value);
    }

    [Fact]
    public void Folded_batch_norm_gives_the_same_outputs_as_dense_then_batch_norm()
    {
        float[] weight = [0.5f, -1f, 2f, 0.25f, 1f, -0.5f];
        float[] bias = [0.1f, -0.2f];
        float[] gamma = [1.5f, 0.5f];
        float[] beta = [0.2f, -0.1f];
        float[] mean = [0.3f, -0.4f];
        float[] variance = [2f, 0.5f];
        float[] x = [1f, 2f, -1f];

        var (w, b) = BatchNormFolding.Fold(weight, bias, gamma, beta, mean, variance);

        for (var o = 0; o < 2; o++)
        {
            var dense = bias[o] + Enumerable.Range(0, 3).Sum(i => weight[(o * 3) + i] * x[i]);
            var normalized = ((dense - mean[o]) / Math.Sqrt(variance[o] + BatchNormFolding.Epsilon) * gamma[o]) + beta[o];
            var folded = b[o] + Enumerable.Range(0, 3).Sum(i => w[(o * 3) + i] * x[i]);
            Assert.Equal(normalized, folded, precision: 5);
        }
    }
}
