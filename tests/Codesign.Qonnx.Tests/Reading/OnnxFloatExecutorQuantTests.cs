using Codesign.Qonnx.Execution;

namespace Codesign.Qonnx.Tests.Reading;

/// <summary>QONNX Quant in float on one tensor: every rounding mode, the four integer ranges and the bipolar case.</summary>
public sealed class OnnxFloatExecutorQuantTests
{
    private static readonly float[] Inputs = [-2.5f, -1.5f, -0.5f, 0.5f, 1.5f, 2.5f, 1.25f, -1.75f, 1000f, -1000f];

    private static double[] Quantize(string rounding, int bits = 8, bool signed = true, bool narrow = false, float scale = 1f)
    {
        var model = new ForeignModelBuilder()
            .Input("x", 1, Inputs.Length)
            .Quant("q", "x", "y", [scale], bits, signed, narrow, rounding, domain: "qonnx.custom_op.general")
            .Output("y", 1, Inputs.Length)
            .Build(irVersion: 8, opset: 13, quantDomain: "qonnx.custom_op.general");
        return OnnxFloatExecutor.FromModel(model, "q.onnx").Run(Inputs, 1);
    }

    [Theory]
    [InlineData("ROUND", new double[] { -2, -2, -0, 0, 2, 2, 1, -2, 127, -128 })]
    [InlineData("HALF_EVEN", new double[] { -2, -2, -0, 0, 2, 2, 1, -2, 127, -128 })]
    [InlineData("CEIL", new double[] { -2, -1, -0, 1, 2, 3, 2, -1, 127, -128 })]
    [InlineData("FLOOR", new double[] { -3, -2, -1, 0, 1, 2, 1, -2, 127, -128 })]
    [InlineData("UP", new double[] { -3, -2, -1, 1, 2, 3, 2, -2, 127, -128 })]
    [InlineData("DOWN", new double[] { -2, -1, -0, 0, 1, 2, 1, -1, 127, -128 })]
    [InlineData("ROUND_TO_ZERO", new double[] { -2, -1, -0, 0, 1, 2, 1, -1, 127, -128 })]
    [InlineData("HALF_UP", new double[] { -3, -2, -1, 1, 2, 3, 1, -2, 127, -128 })]
    [InlineData("HALF_DOWN", new double[] { -2, -1, -0, 0, 1, 2, 1, -2, 127, -128 })]
    public void Rounding_modes_follow_qonnx(string rounding, double[] expected) =>
        Assert.Equal(expected, Quantize(rounding));

    [Theory]
    [InlineData(true, false, -128, 127)]
    [InlineData(true, true, -127, 127)]
    [InlineData(false, false, 0, 255)]
    [InlineData(false, true, 0, 254)]
    public void Integer_ranges_follow_signed_and_narrow(bool isSigned, bool narrow, double min, double max)
    {
        var values = Quantize("ROUND", 8, isSigned, narrow);
        Assert.Equal(max, values[8]);
        Assert.Equal(min, values[9]);
    }

    [Fact]
    public void Scale_divides_before_and_multiplies_after_rounding() =>
        Assert.Equal(new[] { -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 1.25, -1.75, 7.75, -8 }, Quantize("ROUND", 6, scale: 0.25f));

    [Fact]
    public void Signed_one_bit_is_bipolar() =>
        Assert.Equal(new double[] { -1, -1, -1, 1, 1, 1, 1, -1, 1, -1 }, Quantize("ROUND", 1));
}
