using Codesign.Core.Graph;
using Codesign.Core.Numerics;
using Codesign.Core.Quantized;
using Codesign.Core.Spec;

namespace Codesign.Qonnx.Tests.Reading;

/// <summary>The graphs the reading tests write and read back: an MLP from a QAT result and a small CNN.</summary>
internal static class ReadingTestGraphs
{
    public static readonly FixedPointFormat MlpInput = new(true, 8, 3);

    public static readonly FixedPointFormat CnnInput = new(true, 8, 3);

    public static QuantizedGraph Mlp()
    {
        float[] weights1 = [0.5f, -0.25f, 0.875f, -1f, 0.125f, 0.375f];
        float[] weights2 = [0.5625f, -0.9375f, -0.3125f, 0.75f];
        var model = new QuantizedModel(MlpInput,
        [
            new QuantizedLayer("dense_1", 3, 2, Activation.Relu, new FixedPointFormat(true, 4, 1), weights1, new FixedPointFormat(true, 12, 4), [0.0390625f, -0.5f], new FixedPointFormat(false, 6, 3)),
            new QuantizedLayer("dense_2", 2, 2, Activation.None, new FixedPointFormat(true, 5, 1), weights2, new FixedPointFormat(true, 12, 5), [0.1875f, -0.0625f], new FixedPointFormat(true, 10, 5)),
        ]);
        return QuantizedModelGraph.Build(model, "small_mlp");
    }

    /// <summary>8x8x1 → conv 3x3 stride 2 pad 1 → 8 channels → ReLU → Quant → [128] → Dense 16 → ReLU → Quant.</summary>
    public static QuantizedGraph Cnn()
    {
        var random = new Random(11);
        var geometry = new Conv2dGeometry(3, 3, 1, 8, StrideHeight: 2, StrideWidth: 2, PadTop: 1, PadLeft: 1, PadBottom: 1, PadRight: 1);
        var convWeight = new FixedPointFormat(true, 4, 1);
        var convBias = new FixedPointFormat(true, 8, 2);
        var denseWeight = new FixedPointFormat(true, 5, 1);
        var denseBias = new FixedPointFormat(true, 10, 3);
        return new QuantizedGraphBuilder("small_cnn", GraphNames.Input, new TensorShape(8, 8, 1))
            .Quant("global_in_quant", CnnInput, "global_in_quantized")
            .Conv2d("conv", geometry, convWeight, Codes(random, geometry.WeightCount, convWeight), convBias, Codes(random, 8, convBias))
            .Relu("conv_relu")
            .Quant("conv_output_quant", new FixedPointFormat(false, 8, 3), "conv_quantized")
            .Reshape("flatten", new TensorShape(128))
            .Dense("dense", 128, 16, denseWeight, Codes(random, 128 * 16, denseWeight), denseBias, Codes(random, 16, denseBias), "dense_add_out")
            .Relu("dense_relu")
            .Quant("dense_output_quant", new FixedPointFormat(false, 10, 4), GraphNames.Output)
            .Build();
    }

    /// <summary>
    /// Inputs that probe the rounding: uniform values beyond the input format's range, exact ties halfway between
    /// two codes, codes themselves, huge values and infinities.
    /// </summary>
    public static float[] Inputs(Random random, int count, FixedPointFormat format)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            var code = random.NextInt64(format.MinCode - 8, format.MaxCode + 8);
            values[i] = random.Next(6) switch
            {
                0 => (float)((random.NextDouble() * 3 * (format.MaxValue - format.MinValue)) + (1.5 * format.MinValue)),
                1 => (float)((code + 0.5) * format.Lsb),
                2 => (float)(code * format.Lsb),
                3 => random.Next(2) == 0 ? 1e30f : -1e30f,
                4 => random.Next(2) == 0 ? float.PositiveInfinity : float.NegativeInfinity,
                _ => (float)((code + 0.5 + ((random.NextDouble() - 0.5) * 1e-3)) * format.Lsb),
            };
        }

        return values;
    }

    private static long[] Codes(Random random, int count, FixedPointFormat format) =>
        Enumerable.Range(0, count).Select(_ => random.NextInt64(format.MinCode, format.MaxCode + 1)).ToArray();
}
