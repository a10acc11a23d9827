using Codesign.Core.Graph;
using Codesign.Core.Numerics;

namespace Codesign.Qonnx.Tests.Qcdq;

/// <summary>Realistic graphs for the QCDQ tests, with random but seeded integer weight codes.</summary>
internal static class QcdqTestGraphs
{
    /// <summary>
    /// The jet tagger's shape, 16-64-32-32-5, with 3..8-bit weights and ReLU activations. With
    /// <paramref name="sixteenBitInput"/> the input is ap_fixed&lt;16,6&gt;, one activation has 11 bits and the output
    /// 16 (int16 QCDQ, opset 21), and the first layer's sums can exceed the 2^24 LSBs float32 holds exactly; otherwise
    /// every tensor fits 8 bits (opset 13) and every accumulator fits 24 bits.
    /// </summary>
    public static QuantizedGraph JetTagger(bool sixteenBitInput)
    {
        var random = new Random(sixteenBitInput ? 1616 : 88);
        var input = sixteenBitInput ? new FixedPointFormat(true, 16, 6) : new FixedPointFormat(true, 8, 3);
        return new QuantizedGraphBuilder(sixteenBitInput ? "jet_tagger_16" : "jet_tagger_8", GraphNames.Input, new TensorShape(16))
            .Quant("global_in_quant", input, "global_in_quantized")
            .Dense("dense_1", 16, 64, new(true, 8, 1), Codes(random, new(true, 8, 1), 16 * 64), new(true, 12, 3), Codes(random, new(true, 12, 3), 64))
            .Relu("dense_1_relu")
            .Quant("dense_1_quant", new(false, 8, 3))
            .Dense("dense_2", 64, 32, new(true, 4, -1), Codes(random, new(true, 4, -1), 64 * 32), new(true, 10, 2), Codes(random, new(true, 10, 2), 32))
            .Relu("dense_2_relu")
            .Quant("dense_2_quant", new(false, 6, 2))
            .Dense("dense_3", 32, 32, new(true, 3, -1), Codes(random, new(true, 3, -1), 32 * 32), new(true, 8, 2), Codes(random, new(true, 8, 2), 32))
            .Relu("dense_3_relu")
            .Quant("dense_3_quant", sixteenBitInput ? new(false, 11, 2) : new(false, 7, 2))
            .Dense("dense_4", 32, 5, new(true, 6, 0), Codes(random, new(true, 6, 0), 32 * 5), new(true, 12, 4), Codes(random, new(true, 12, 4), 5))
            .Quant("dense_4_quant", sixteenBitInput ? new(true, 16, 6) : new(true, 8, 4), GraphNames.Output)
            .Build();
    }

    /// <summary>
    /// 8x8x1 image, 3x3 conv with stride 2 and padding 1 to 4x4x8, ReLU, Quant, Flatten, Dense 128→16; the output has 8
    /// bits (opset 13) or, with <paramref name="twelveBitOutput"/>, 12 (int16, opset 21).
    /// </summary>
    public static QuantizedGraph SmallConv(bool twelveBitOutput = false)
    {
        var random = new Random(33);
        var geometry = new Conv2dGeometry(3, 3, 1, 8, StrideHeight: 2, StrideWidth: 2, PadTop: 1, PadLeft: 1, PadBottom: 1, PadRight: 1);
        return new QuantizedGraphBuilder(twelveBitOutput ? "small_conv_12" : "small_conv", GraphNames.Input, new TensorShape(8, 8, 1))
            .Quant("global_in_quant", new(true, 8, 2), "global_in_quantized")
            .Conv2d("conv_1", geometry, new(true, 6, 1), Codes(random, new(true, 6, 1), geometry.WeightCount), new(true, 10, 3), Codes(random, new(true, 10, 3), 8))
            .Relu("conv_1_relu")
            .Quant("conv_1_quant", new(false, 8, 3))
            .Reshape("flatten", new TensorShape(128))
            .Dense("dense_1", 128, 16, new(true, 5, 0), Codes(random, new(true, 5, 0), 128 * 16), new(true, 12, 4), Codes(random, new(true, 12, 4), 16))
            .Quant("dense_1_quant", twelveBitOutput ? new(true, 12, 4) : new(true, 8, 4), GraphNames.Output)
            .Build();
    }

    /// <summary>
    /// 8 → 8 dense whose bias (ap_fixed&lt;12,2&gt;, 10 fractional bits) is finer than its products (4 + 2 fractional bits),
    /// so the bias cannot sit on the product grid that QDQ runtimes assume for an int32 bias.
    /// </summary>
    public static QuantizedGraph FineBias()
    {
        var random = new Random(12);
        return new QuantizedGraphBuilder("fine_bias", GraphNames.Input, new TensorShape(8))
            .Quant("global_in_quant", new(true, 8, 4), "global_in_quantized")
            .Dense("dense_1", 8, 8, new(true, 4, 2), Codes(random, new(true, 4, 2), 64), new(true, 12, 2), Codes(random, new(true, 12, 2), 8))
            .Relu("dense_1_relu")
            .Quant("dense_1_quant", new(false, 8, 2), GraphNames.Output)
            .Build();
    }

    /// <summary>One Quant node on a 16-wide real input: the smallest graph that shows how a format is written.</summary>
    public static QuantizedGraph SingleQuant(FixedPointFormat format) =>
        new QuantizedGraphBuilder("single_quant", GraphNames.Input, new TensorShape(16)).Quant("quant", format, GraphNames.Output).Build();

    private static long[] Codes(Random random, FixedPointFormat format, int count) =>
        Enumerable.Range(0, count).Select(_ => random.NextInt64(format.MinCode, format.MaxCode + 1)).ToArray();
}
