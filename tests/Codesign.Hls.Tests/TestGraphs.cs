using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Hls.Tests;

/// <summary>Seeded graphs and inputs shaped like the real ones: a jet-tagger MLP and a small convolutional net.</summary>
internal static class TestGraphs
{
    public static readonly FixedPointFormat JetInput = new(true, 16, 6);

    /// <summary>
    /// 16 inputs ap_fixed&lt;16,6&gt;, dense 64-32-32-5 with 3-8 bit weights, ReLU then unsigned 6-11 bit Quant after each
    /// hidden layer, a signed 16-bit output Quant. One bias grid is finer than its product grid, the others coarser.
    /// </summary>
    public static QuantizedGraph JetTagger(int seed = 7)
    {
        var random = new Random(seed);
        var builder = new QuantizedGraphBuilder("jet_tagger", GraphNames.Input, new TensorShape(16))
            .Quant("input_quant", JetInput);
        int[] units = [64, 32, 32, 5];
        var inputs = 16;
        for (var layer = 0; layer < units.Length; layer++)
        {
            var weight = new FixedPointFormat(true, random.Next(3, 9), random.Next(0, 2));
            var bias = layer == 2 ? new FixedPointFormat(true, 16, -2) : new FixedPointFormat(true, 8, 3);
            var name = $"fc{layer + 1}";
            builder.Dense(name, inputs, units[layer], weight, Codes(random, inputs * units[layer], weight), bias, Codes(random, units[layer], bias));
            if (layer < units.Length - 1)
            {
                var bits = random.Next(6, 12);
                builder.Relu(name + "_relu").Quant(name + "_quant", new FixedPointFormat(false, bits, random.Next(2, 5)));
            }
            else
            {
                builder.Quant(name + "_quant", new FixedPointFormat(true, 16, 6));
            }

            inputs = units[layer];
        }

        return builder.Build();
    }

    /// <summary>8x8x1 → conv 3x3 stride 2 pad 1, 8 channels → ReLU → Quant → Reshape [128] → Dense 128→16 → ReLU → Quant.</summary>
    public static QuantizedGraph SmallConv(int seed = 11)
    {
        var random = new Random(seed);
        var geometry = new Conv2dGeometry(3, 3, 1, 8, 2, 2, 1, 1, 1, 1);
        var convWeight = new FixedPointFormat(true, 6, 1);
        var convBias = new FixedPointFormat(true, 8, 2);
        var denseWeight = new FixedPointFormat(true, 5, 0);
        var denseBias = new FixedPointFormat(true, 8, 3);
        return new QuantizedGraphBuilder("small_conv", GraphNames.Input, new TensorShape(8, 8, 1))
            .Quant("input_quant", new FixedPointFormat(true, 10, 4))
            .Conv2d("conv", geometry, convWeight, Codes(random, geometry.WeightCount, convWeight), convBias, Codes(random, 8, convBias))
            .Relu("conv_relu")
            .Quant("conv_quant", new FixedPointFormat(false, 8, 3))
            .Reshape("flatten", new TensorShape(128))
            .Dense("fc", 128, 16, denseWeight, Codes(random, 128 * 16, denseWeight), denseBias, Codes(random, 16, denseBias))
            .Relu("fc_relu")
            .Quant("fc_quant", new FixedPointFormat(false, 8, 4))
            .Build();
    }

    /// <summary>
    /// Inputs for <paramref name="format"/>: mostly Gaussian, a tenth exactly halfway between two codes (ties, which
    /// round to even), a twentieth far outside the range (saturation), and a few exact extremes.
    /// </summary>
    public static float[] Inputs(int rows, int size, FixedPointFormat format, int seed)
    {
        var random = new Random(seed);
        var values = new float[rows * size];
        for (var i = 0; i < values.Length; i++)
        {
            var kind = random.Next(100);
            values[i] = kind switch
            {
                < 10 => (float)format.FromCode(random.NextInt64(format.MinCode, format.MaxCode)) + (float)(format.Lsb / 2),
                < 15 => (random.Next(2) == 0 ? -1 : 1) * (float)(format.MaxValue * (1.5 + (random.NextDouble() * 1000))),
                < 17 => (float)(random.Next(2) == 0 ? format.MinValue : format.MaxValue),
                _ => (float)(Gaussian(random) * format.MaxValue / 4),
            };
        }

        return values;
    }

    public static long[] Codes(Random random, int count, FixedPointFormat format)
    {
        var codes = new long[count];
        for (var i = 0; i < count; i++)
        {
            codes[i] = random.NextInt64(format.MinCode, format.MaxCode + 1);
        }

        return codes;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
